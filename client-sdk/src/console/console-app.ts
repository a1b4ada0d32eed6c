import type { ModeratorClient, QueueStatus } from '../moderator-client.js';
import type { ConsoleApp } from './console-app-handle.js';
import { consoleLayout } from './console-layout.js';
import { openHelp } from './help-dialog.js';
import { setLang, t, type Lang } from './i18n.js';
import { bindKeys } from './keyboard.js';
import { followSite } from './live-feed.js';
import { decisionActions } from './moderation-actions.js';
import { queueLoader } from './queue-loader.js';
import type { Session } from './session.js';
import { selectionClaims } from './selection-claims.js';
import { initialState, moveSelection } from './state.js';
import { waveActions } from './wave-actions.js';

export interface ConsoleOptions {
  root: HTMLElement;
  client: ModeratorClient;
  session: Session;
  onSignOut(error?: string): void;
  onLang(lang: Lang): void;
  now?: () => number;
}

/** The signed-in console: state, rendering, claims, and the wiring of keys, actions and events. */
export function startConsole(opts: ConsoleOptions): () => void {
  const now = opts.now ?? Date.now;
  const s = initialState(opts.session);
  const cleanups: Array<() => void> = [];
  let stopped = false;

  const app: ConsoleApp = {
    state: s,
    client: opts.client,
    render,
    notify(text, kind = 'info') {
      s.notice = { text, kind };
      render();
    },
    load: () => loader.load(),
    selectionChanged: () => selection.changed(),
    signOut(error) {
      stop();
      opts.onSignOut(error);
    },
  };

  const loader = queueLoader(app, () => stopped);
  const selection = selectionClaims({ state: s, client: opts.client, render, now });
  const actions = decisionActions(app);
  const waves = waveActions(app);
  const select = (id: string) => {
    s.selectedId = id;
    app.selectionChanged();
    render();
  };
  const showQueue = (q: QueueStatus) => {
    if (q === s.queue) return;
    s.queue = q;
    s.comments = [];
    s.selectedId = null;
    s.arrivals = 0;
    s.groups = [];
    void app.load().then(() => document.getElementById(`tab-${q}`)?.focus()).then(() => waves.refresh());
  };
  const withSelected = (run: (id: string) => void) => () => {
    if (s.selectedId) run(s.selectedId);
  };
  const move = (step: number) => () => {
    moveSelection(s, step);
    app.selectionChanged();
    render();
  };
  const header = {
    setLang: (lang: Lang) => {
      setLang(lang);
      opts.onLang(lang);
      document.title = t('title');
      render();
    },
    signOut: () => app.signOut(),
    undo: () => void actions.undo(),
    help: () => void openHelp(),
  };
  const queueHandlers = {
    showQueue,
    select,
    approve: (id: string) => {
      select(id);
      void actions.approve(id);
    },
    reject: (id: string) => {
      select(id);
      void actions.reject(id);
    },
    ban: (id: string) => {
      select(id);
      void actions.ban(id);
    },
    feature: (id: string) => {
      select(id);
      void actions.feature(id);
    },
    loadMore: () => void loader.loadMore(),
  };

  const draw = consoleLayout(opts.root, {
    header,
    queue: queueHandlers,
    waves: {
      decideWave: (key: string, action: 'approve' | 'reject') => void waves.decide(key, action),
      undoWave: () => void waves.undo(),
    },
    dismissNotice: () => {
      s.notice = null;
      render();
    },
  });
  function render() {
    if (!stopped) draw(s, now());
  }

  function stop() {
    if (stopped) return;
    stopped = true;
    selection.stop();
    waves.stop();
    for (const cleanup of cleanups) cleanup();
  }

  document.title = t('title');
  const sub = followSite(app, { wavesChanged: () => waves.refreshSoon() });
  cleanups.push(() => sub.close());
  cleanups.push(bindKeys(document, {
    next: move(1),
    previous: move(-1),
    approve: withSelected((id) => void actions.approve(id)),
    reject: withSelected((id) => void actions.reject(id)),
    ban: withSelected((id) => void actions.ban(id)),
    undo: header.undo,
    help: header.help,
  }));
  const clock = setInterval(render, 60_000); // relative times
  cleanups.push(() => clearInterval(clock));
  render();
  void app.load().then(() => waves.refresh());
  void waves.loadAttack();
  return stop;
}
