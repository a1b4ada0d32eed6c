import type { Comment } from '../../../protocol/comment.js';
import type { ResumableSubscription } from '../resumable-subscription.js';
import type { ConsoleApp } from './console-app-handle.js';
import { t, type MessageKey } from './i18n.js';
import { applyComment, moderatorName, rememberArticles, removeComment } from './state.js';

const NOTICE_OF: Record<string, MessageKey> = { approve: 'noticeApprove', reject: 'noticeReject' };

/** Keeps the console current with the site's live moderation events. */
export function followSite(app: ConsoleApp, on: { wavesChanged(): void } = { wavesChanged: () => {} }): ResumableSubscription {
  const s = app.state;
  const me = s.session.moderatorId;

  const changed = (selected: string | null) => {
    if (s.selectedId !== selected) app.selectionChanged();
    if (s.leftSelection > 0) {
      // ticked comments decided elsewhere have left the queue, and so the selection
      s.notice = { text: t('leftSelection', { count: s.leftSelection }), kind: 'warning' };
      s.leftSelection = 0;
    }
    app.render();
  };
  const arrived = (comment: Comment) => {
    const before = s.selectedId;
    if (applyComment(s, comment) === 'added') s.arrivals++;
    changed(before);
  };

  return app.client.subscribe(s.session.siteId, {
    'comment.created': ({ comment, article }) => {
      rememberArticles(s, article ? [article] : []);
      arrived(comment);
    },
    'comment.decided': ({ comment }) => {
      arrived(comment);
      if (comment.status === 'held' && comment.textGroup) on.wavesChanged();
    },
    'comment.moderated': ({ comment, action, moderatorId }) => {
      const before = s.selectedId;
      if (comment.id === before && moderatorId !== me) {
        const name = moderatorName(s, moderatorId) ?? t('someone');
        s.notice = { text: t(NOTICE_OF[action] ?? 'noticeOther', { name }), kind: 'warning' };
      }
      s.claims.delete(comment.id);
      // a decision resolves the reports
      if (s.queue === 'reported' && (action === 'approve' || action === 'reject')) removeComment(s, comment.id);
      else applyComment(s, comment);
      changed(before);
    },
    'comment.featured': ({ comment }) => {
      applyComment(s, comment);
      app.render();
    },
    'comment.reported': ({ comment }) => {
      arrived(comment);
      // the event has the count; the full record has the reports grouped by reason
      if (s.queue === 'reported') {
        app.client.comment(s.session.siteId, comment.id).then((full) => {
          applyComment(s, full);
          app.render();
        }, () => {});
      }
    },
    'comment.claimed': ({ commentId, moderatorId, until }) => {
      if (moderatorId === me) s.claims.delete(commentId);
      else s.claims.set(commentId, { moderatorId, until: Date.parse(until) });
      app.render();
    },
    'moderators.presence': ({ moderators }) => {
      s.presence = moderators;
      app.render();
    },
    'author.updated': ({ authorId }) => {
      s.authors.delete(authorId);
      app.selectionChanged();
    },
    'article.updated': ({ article }) => {
      rememberArticles(s, [{ id: article.id, ...(article.title ? { title: article.title } : {}), ...(article.url ? { url: article.url } : {}) }]);
      app.render();
    },
    'surge.started': ({ article, until }) => {
      const time = new Date(until).toLocaleTimeString(document.documentElement.lang || undefined, { hour: '2-digit', minute: '2-digit' });
      app.notify(t('surgeStarted', { title: article.title ?? article.id, until: time }), 'warning');
    },
    'surge.ended': ({ article }) => app.notify(t('surgeEnded', { title: article.title ?? article.id })),
    'attack.started': ({ figures, startedAt }) => {
      s.attack = { startedAt, lastSignalAt: startedAt, figures };
      app.render();
    },
    'attack.ended': ({ figures }) => {
      s.attack = null;
      app.notify(t('attackEnded', { count: figures.flagged }));
    },
    'moderator.revoked': ({ moderatorId }) => {
      if (moderatorId === me) app.signOut(t('badToken'));
    },
    'queue.counts': ({ counts }) => {
      s.counts = counts;
      app.render();
    },
    resync: () => void app.load(),
    connected: () => {
      // the first subscription starts after the first queue load: fetch again so nothing
      // created in between is missed (later reconnects resume from the last event instead)
      if (s.connected === null) void app.load();
      s.connected = true;
      app.render();
    },
    disconnected: () => {
      s.connected = false;
      app.render();
    },
    error: (err) => {
      if (err.code === 'unauthorized' || err.code === 'forbidden') app.signOut(t('badToken'));
    },
  });
}
