import type { Comment } from '../../../protocol/comment.js';
import type { ConsoleApp } from './console-app-handle.js';
import { askRejectReason } from './decision-dialogs.js';
import { t } from './i18n.js';
import { applyComment } from './state.js';

/** The API decides at most this many comments per call. */
const PER_CALL = 100;
/** A human decision can be undone for 10 minutes (the server's UNDO_WINDOW_MS). */
const UNDO_MS = 10 * 60_000;

const chunks = <T>(xs: readonly T[]): T[][] => Array.from({ length: Math.ceil(xs.length / PER_CALL) }, (_, i) => xs.slice(i * PER_CALL, (i + 1) * PER_CALL));

/** Approve or reject the ticked comments with one reason, and undo that batch as one. */
export function bulkActions(app: ConsoleApp) {
  const s = app.state;
  const site = () => s.session.siteId;
  const fail = (err: unknown) => app.notify(t('failed', { message: (err as Error).message }), 'error');

  return {
    async decide(action: 'approve' | 'reject'): Promise<void> {
      const ids = s.comments.filter((c) => s.selected.has(c.id)).map((c) => c.id);
      if (ids.length === 0) return;
      const reason = action === 'reject' ? await askRejectReason(t('bulkRejectTitle', { count: ids.length })) : undefined;
      if (reason === null) return;
      // the decision is ours: these comments leave the selection without a "decided elsewhere" notice
      s.selected = new Set();
      const decided: string[] = [];
      let failed = 0;
      try {
        for (const part of chunks(ids)) {
          const { results } = await app.client.api.bulkModerate({ path: { siteId: site() }, body: { action, commentIds: part, ...(reason ? { reason } : {}) } });
          for (const r of results) {
            if (r.ok && r.comment) {
              decided.push(r.commentId);
              applyComment(s, r.comment as Comment);
            } else failed++;
          }
        }
      } catch (err) {
        fail(err);
      }
      s.leftSelection = 0;
      s.lastBatch = decided.length > 0 ? { action, commentIds: decided, until: app.now() + UNDO_MS } : s.lastBatch;
      s.lastDecided = null; // `u` now undoes this batch
      const done = t('bulkDone', { count: decided.length });
      s.notice = { text: failed > 0 ? `${done} ${t('bulkFailed', { count: failed })}` : done, kind: failed > 0 ? 'warning' : 'info' };
      app.selectionChanged();
      app.render();
    },
    /** Puts every comment of the last batch back as it was, in one undo. */
    async undo(): Promise<void> {
      const batch = s.lastBatch;
      if (!batch) return app.notify(t('nothingToUndo'), 'info');
      try {
        let restored = 0;
        for (const part of chunks(batch.commentIds)) {
          restored += (await app.client.api.undoBulk({ path: { siteId: site() }, body: { commentIds: part } })).decided.length;
        }
        s.lastBatch = null;
        await app.load();
        app.notify(t('batchUndone', { count: restored }));
      } catch (err) {
        fail(err);
      }
    },
    /** Whether the last batch can still be undone. */
    undoable: () => s.lastBatch !== null && s.lastBatch.until > app.now(),
  };
}
