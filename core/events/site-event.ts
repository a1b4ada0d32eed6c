import type { Comment } from '../comments/comment.js';
import type { ReportReason } from '../../client-sdk/src/comment-types.js';
import type { Article, ArticleRef, SurgeFigures } from '../../client-sdk/src/article-types.js';

/** A change of one comment; readers may see some of them, moderators see all. */
export type CommentEvent =
  /** `article`: the article's stored title and url, so moderators see where the comment was posted. */
  | { type: 'comment.created'; comment: Comment; article?: ArticleRef }
  | { type: 'comment.decided'; comment: Comment; previousStatus: Comment['status'] }
  | {
      type: 'comment.moderated';
      comment: Comment;
      previousStatus: Comment['status'];
      action: string;
      moderatorId: string;
    }
  | { type: 'comment.reported'; comment: Comment; reason: ReportReason; reportCount: number };

/** Moderation-room signals that are not a comment change; only moderators receive them. */
export type SignalEvent =
  | { type: 'comment.claimed'; siteId: string; commentId: string; moderatorId: string; until: string }
  | { type: 'moderators.presence'; siteId: string; moderators: Array<{ id: string; name: string }> }
  | { type: 'moderator.revoked'; siteId: string; moderatorId: string }
  | { type: 'author.updated'; siteId: string; authorId: string; action: string; moderatorId: string }
  /** Title, url, closed or policy of an article changed; readers of the article learn `closed` from it. */
  | { type: 'article.updated'; siteId: string; article: Article; changes: string[]; moderatorId: string }
  | { type: 'surge.started'; siteId: string; article: ArticleRef; figures: SurgeFigures; startedAt: string; until: string }
  | { type: 'surge.ended'; siteId: string; article: ArticleRef; startedAt: string; endedAt: string };

/** Events appended to a site's stream; every server tails them and relays to its sockets. */
export type SiteEvent = CommentEvent | SignalEvent;
export type SiteEventType = SiteEvent['type'];

export const isCommentEvent = (e: SiteEvent): e is CommentEvent => 'comment' in e;
export const siteIdOf = (e: SiteEvent): string => (isCommentEvent(e) ? e.comment.siteId : e.siteId);

/** Approximate cap of each site's stream: enough for clients offline for a while to catch up. */
export const EVENT_STREAM_MAXLEN = 10_000;

export function parseEventFields(fields: string[]): SiteEvent | null {
  for (let i = 0; i < fields.length - 1; i += 2) {
    if (fields[i] === 'd') return JSON.parse(fields[i + 1]!) as SiteEvent;
  }
  return null;
}
