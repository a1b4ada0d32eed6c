import type { Comment } from '../../../protocol/comment.js';
import { isHttpError } from '../errors.js';
import { askBan, askRejectReason } from './decision-dialogs.js';
import type { ConsoleApp } from './console-app-handle.js';
import { t } from './i18n.js';
import { applyComment } from './state.js';


/** Approve, reject, ban and undo, each sending the version the moderator saw. */
export function decisionActions(app: ConsoleApp) {
  const s = app.state;
  const site = () => s.session.siteId;
  const find = (id: string) => s.comments.find((c) => c.id === id);

  /** Runs a decision; the decided comment leaves the queue and the next card is selected. */
  async function decide(run: () => Promise<Comment>): Promise<void> {
    const before = s.selectedId;
    try {
      const updated = await run();
      s.lastDecided = updated.id;
      applyComment(s, updated);
    } catch (err) {
      failed(err);
    }
    if (s.selectedId !== before) app.selectionChanged();
    app.render();
  }

  function failed(err: unknown) {
    if (isHttpError(err) && err.code === 'conflict') {
      // someone decided first: show the comment as it is now
      const current = (err.details as { comment?: Comment } | undefined)?.comment;
      if (current) applyComment(s, current);
      s.notice = { text: t('conflict'), kind: 'warning' };
    } else {
      s.notice = { text: t('failed', { message: (err as Error).message }), kind: 'error' };
    }
  }

  return {
    async approve(id: string) {
      const c = find(id);
      if (c) await decide(() => app.client.approve(site(), c.id, { version: c.version }));
    },
    async reject(id: string) {
      const c = find(id);
      if (!c) return;
      const reason = await askRejectReason();
      if (reason) await decide(() => app.client.reject(site(), c.id, { reason, version: c.version }));
    },
    async ban(id: string) {
      const c = find(id);
      if (!c) return;
      const choice = await askBan(c.author.name);
      if (!choice) return;
      try {
        const res = await app.client.ban(site(), c.author.id, choice);
        s.authors.set(res.author.id, res.author);
        s.notice = { text: t('banned', { count: res.rejected }), kind: 'info' };
      } catch (err) {
        failed(err);
      }
      app.render();
    },
    /** Picks the comment for the newsroom's picks, or takes it off them; readers see it live. */
    async feature(id: string) {
      const c = find(id);
      if (!c) return;
      try {
        applyComment(s, await app.client.feature(site(), c.id, c.featuredAt === undefined));
      } catch (err) {
        failed(err);
      }
      app.render();
    },
    async undo() {
      const id = s.lastDecided;
      if (!id) return app.notify(t('nothingToUndo'), 'info');
      try {
        const restored = await app.client.undo(site(), id);
        s.lastDecided = null;
        if (applyComment(s, restored)) s.selectedId = restored.id;
        app.selectionChanged();
        s.notice = { text: t('undone'), kind: 'info' };
      } catch (err) {
        failed(err);
      }
      app.render();
    },
  };
}
