import type { BroadcastOperator } from 'socket.io';
import { toPublicComment } from '../../core/comments/comment.js';
import type { CommentStatus } from '../../protocol/comment-status.js';
import type { CommentsServerEvents, ModerationServerEvents, SiteEvent, SiteEventType } from '../../protocol/events.js';
import type { RelayedEvent } from './event-relay.js';

/**
 * Who receives site events: a room, for live events, or one socket, for a replay of what it
 * missed. Both emit along the namespace's event map, so a wrong name or payload does not compile.
 */
export type ModerationTarget = Pick<BroadcastOperator<ModerationServerEvents, object>, 'emit'>;
export type ReaderTarget = Pick<BroadcastOperator<CommentsServerEvents, object>, 'emit'>;

/** The namespaces live events go to. */
export interface FanoutNamespaces {
  moderation: { to(room: string): ModerationTarget };
  comments: { to(room: string): ReaderTarget };
}

/** Room of a site's moderators in /moderation. */
export const moderationRoom = (siteId: string) => `site:${siteId}`;
/** Room of an article's readers in /comments. */
export const articleRoom = (siteId: string, articleId: string) => `article:${siteId}:${articleId}`;

/** The article a reader event belongs to, if any. */
export const articleOf = ({ event }: RelayedEvent): string | undefined => {
  if ('comment' in event) return event.comment.articleId;
  if (event.type === 'article.updated') return event.article.id;
  return event.type === 'comment.reactions' ? event.articleId : undefined;
};

/** A live event: to the site's moderators, and to the readers of its article. */
export function fanOut(namespaces: FanoutNamespaces, e: RelayedEvent): void {
  sendToModerators(namespaces.moderation.to(moderationRoom(e.siteId)), e);
  const articleId = articleOf(e);
  if (articleId) sendToReaders(namespaces.comments.to(articleRoom(e.siteId, articleId)), e);
}

/** What moderators receive: every event, named by its type, with its id, without `previousStatus`. */
export function sendToModerators(to: ModerationTarget, { eventId, event }: RelayedEvent): void {
  sendEvent(to, eventId, event);
}

/**
 * What readers receive: only a comment entering or leaving the approved state (public fields,
 * never scores, reasons or reports), whether the article takes comments, so the widget hides
 * or shows its form, and the newsroom's picks and like counts of published comments.
 */
export function sendToReaders(to: ReaderTarget, { eventId, event }: RelayedEvent): void {
  if (event.type === 'article.updated') {
    if (event.changes.includes('closed')) to.emit('article.status', { eventId, articleId: event.article.id, closed: event.article.closed });
    return;
  }
  if (event.type === 'comment.reactions') {
    to.emit('comment.reactions', { eventId, commentId: event.commentId, reactions: event.reactions });
    return;
  }
  if (event.type === 'comment.featured') {
    if (event.comment.status === 'approved') to.emit('comment.featured', { eventId, commentId: event.comment.id, featured: event.featured });
    return;
  }
  if (event.type !== 'comment.created' && event.type !== 'comment.decided' && event.type !== 'comment.moderated') return;
  const was = event.type === 'comment.created' ? 'pending' : event.previousStatus;
  const is = event.comment.status;
  if (is === 'approved' && was !== 'approved') to.emit('comment.published', { eventId, comment: toPublicComment(event.comment) });
  else if (was === 'approved' && is !== 'approved') to.emit('comment.removed', { eventId, commentId: event.comment.id });
}

function moderatorPayload<E extends { type: SiteEventType; previousStatus?: CommentStatus }>(eventId: string, e: E) {
  const { type: _type, previousStatus: _previous, ...payload } = e;
  return { eventId, ...payload };
}

type Sender<T extends SiteEventType> = (to: ModerationTarget, eventId: string, e: SiteEvent<T>) => void;

// One line per event: TypeScript cannot call an emit typed by an event map with a name it
// only knows as generic, so each event has its own line, checked against the map. An event
// added to protocol/events.ts and not here does not compile.
const moderatorSenders: { [T in SiteEventType]: Sender<T> } = {
  'comment.created': (to, id, e) => to.emit(e.type, moderatorPayload(id, e)),
  'comment.decided': (to, id, e) => to.emit(e.type, moderatorPayload(id, e)),
  'comment.moderated': (to, id, e) => to.emit(e.type, moderatorPayload(id, e)),
  'comment.reported': (to, id, e) => to.emit(e.type, moderatorPayload(id, e)),
  'comment.claimed': (to, id, e) => to.emit(e.type, moderatorPayload(id, e)),
  'comment.featured': (to, id, e) => to.emit(e.type, moderatorPayload(id, e)),
  'comment.reactions': (to, id, e) => to.emit(e.type, moderatorPayload(id, e)),
  'moderators.presence': (to, id, e) => to.emit(e.type, moderatorPayload(id, e)),
  'moderator.revoked': (to, id, e) => to.emit(e.type, moderatorPayload(id, e)),
  'author.updated': (to, id, e) => to.emit(e.type, moderatorPayload(id, e)),
  'article.updated': (to, id, e) => to.emit(e.type, moderatorPayload(id, e)),
  'surge.started': (to, id, e) => to.emit(e.type, moderatorPayload(id, e)),
  'surge.ended': (to, id, e) => to.emit(e.type, moderatorPayload(id, e)),
  'attack.started': (to, id, e) => to.emit(e.type, moderatorPayload(id, e)),
  'attack.ended': (to, id, e) => to.emit(e.type, moderatorPayload(id, e)),
};

function sendEvent<T extends SiteEventType>(to: ModerationTarget, eventId: string, e: SiteEvent<T>): void {
  moderatorSenders[e.type](to, eventId, e);
}
