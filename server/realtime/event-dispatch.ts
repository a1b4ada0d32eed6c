import type { PublicComment } from '../../protocol/comment.js';
import { toPublicComment } from '../../core/comments/comment.js';
import type { RelayedEvent } from './event-relay.js';

/** Room of a site's moderators in /moderation. */
export const moderationRoom = (siteId: string) => `site:${siteId}`;
/** Room of an article's readers in /comments. */
export const articleRoom = (siteId: string, articleId: string) => `article:${siteId}:${articleId}`;

export interface Emit {
  name: string;
  payload: Record<string, unknown> & { eventId: string };
}

export type ReaderEmit =
  | { name: 'comment.published'; payload: { eventId: string; comment: PublicComment } }
  | { name: 'comment.removed'; payload: { eventId: string; commentId: string } }
  | { name: 'article.status'; payload: { eventId: string; articleId: string; closed: boolean } };

/** What moderators receive for a site event: every event, named by its type, with its id. */
export function moderationEmitFor({ eventId, event }: RelayedEvent): Emit {
  const { type, ...rest } = event;
  if ('previousStatus' in rest) delete (rest as { previousStatus?: unknown }).previousStatus;
  return { name: type, payload: { eventId, ...rest } };
}

/**
 * What readers receive: only a comment entering or leaving the approved state, never scores,
 * reasons, reports or anything not approved.
 */
export function readerEmitFor({ eventId, event }: RelayedEvent): ReaderEmit | null {
  // readers learn only whether the article takes comments, so the widget hides or shows its form
  if (event.type === 'article.updated') {
    if (!event.changes.includes('closed')) return null;
    return { name: 'article.status', payload: { eventId, articleId: event.article.id, closed: event.article.closed } };
  }
  if (event.type !== 'comment.created' && event.type !== 'comment.decided' && event.type !== 'comment.moderated') {
    return null;
  }
  const was = event.type === 'comment.created' ? 'pending' : event.previousStatus;
  const is = event.comment.status;
  if (is === 'approved' && was !== 'approved') {
    return { name: 'comment.published', payload: { eventId, comment: toPublicComment(event.comment) } };
  }
  if (was === 'approved' && is !== 'approved') {
    return { name: 'comment.removed', payload: { eventId, commentId: event.comment.id } };
  }
  return null;
}

/** The article a reader event belongs to, if any. */
export const articleOf = ({ event }: RelayedEvent): string | undefined =>
  'comment' in event ? event.comment.articleId : event.type === 'article.updated' ? event.article.id : undefined;
