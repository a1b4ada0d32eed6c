import type { ConsoleApp } from './console-app-handle.js';
import { t } from './i18n.js';

/** Reads the attack and the held queue's waves, and decides or undoes a whole wave. */
export function waveActions(app: ConsoleApp) {
  const s = app.state;
  const site = () => s.session.siteId;
  const fail = (err: unknown) => app.notify(t('failed', { message: (err as Error).message }), 'error');
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;

  const refresh = async (): Promise<void> => {
    if (s.queue !== 'held') return;
    try {
      s.groups = await app.client.textGroups(site());
      app.render();
    } catch (err) {
      fail(err);
    }
  };

  return {
    refresh,
    /** A refresh soon, once for a burst of arrivals (a wave arrives as a burst). */
    refreshSoon(): void {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => {
        void refresh();
        if (s.attack) void this.loadAttack(); // the banner's figures follow the wave
      }, 1500);
    },
    async loadAttack(): Promise<void> {
      try {
        s.attack = await app.client.attack(site());
        app.render();
      } catch (err) {
        fail(err);
      }
    },
    async decide(key: string, action: 'approve' | 'reject'): Promise<void> {
      try {
        const result = await app.client.decideGroup(site(), key, action, action === 'reject' ? { code: 'spam' } : undefined);
        s.lastWave = { action, commentIds: result.decided };
        await app.load();
        await refresh();
      } catch (err) {
        fail(err);
      }
    },
    async undo(): Promise<void> {
      const wave = s.lastWave;
      if (!wave) return;
      try {
        const result = await app.client.undoMany(site(), wave.commentIds);
        s.lastWave = null;
        app.notify(t('waveUndone', { count: result.decided.length }));
        await app.load();
        await refresh();
      } catch (err) {
        fail(err);
      }
    },
    stop: () => clearTimeout(refreshTimer),
  };
}
