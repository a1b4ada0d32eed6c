import { isHttpError } from '../errors.js';
import type { ConsoleApp } from './console-app-handle.js';
import { t } from './i18n.js';
import { applyComment, rememberArticles } from './state.js';

const PAGE_SIZE = 50;

/** Loads the current queue from the server (first page, or the next one). */
export function queueLoader(app: Pick<ConsoleApp, 'state' | 'client' | 'render' | 'notify' | 'selectionChanged' | 'signOut'>, isStopped: () => boolean) {
  const s = app.state;
  return {
    /** Reloads the queue; the selection stays on the same comment when it is still there. */
    async load(): Promise<void> {
      const queue = s.queue;
      const keep = s.selectedId;
      // events arriving while the page loads are merged with it (the newer version wins)
      s.comments = [];
      s.nextCursor = null;
      s.selectedId = null;
      s.loading = true;
      app.render();
      try {
        const section = s.section;
        const page = await app.client.queue(s.session.siteId, queue, { limit: PAGE_SIZE, ...(section ? { section } : {}) });
        if (queue !== s.queue || section !== s.section || isStopped()) return;
        // a new page: ticked comments no longer shown leave the selection
        s.selected = new Set([...s.selected].filter((id) => page.comments.some((c) => c.id === id)));
        rememberArticles(s, Object.values(page.articles ?? {}));
        for (const c of page.comments) applyComment(s, c);
        s.nextCursor = page.nextCursor;
        s.selectedId = keep && s.comments.some((c) => c.id === keep) ? keep : (s.comments[0]?.id ?? null);
        s.counts = page.counts;
        s.loading = false;
        app.selectionChanged();
        app.render();
      } catch (err) {
        if (isHttpError(err) && [401, 403, 404].includes(err.status)) return app.signOut(t('badToken'));
        s.loading = false;
        app.notify(t('failed', { message: (err as Error).message }), 'error');
      }
    },
    /** Appends the next page of the queue. */
    async loadMore(): Promise<void> {
      const { queue, nextCursor } = s;
      if (!nextCursor) return;
      try {
        const page = await app.client.queue(s.session.siteId, queue, { limit: PAGE_SIZE, cursor: nextCursor, ...(s.section ? { section: s.section } : {}) });
        if (queue !== s.queue || isStopped()) return;
        rememberArticles(s, Object.values(page.articles ?? {}));
        for (const c of page.comments) applyComment(s, c);
        s.nextCursor = page.nextCursor;
        s.counts = page.counts;
        app.render();
      } catch (err) {
        app.notify(t('failed', { message: (err as Error).message }), 'error');
      }
    },
  };
}
