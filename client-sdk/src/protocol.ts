/**
 * Socket.IO event maps of the two namespaces, shared by the server and the SDK so both sides
 * are type-checked against one contract (types only, no runtime).
 */
import type { Comment, PublicComment } from './comment-types.js';

/** Error carried by a failed acknowledgement; `code` is one of the API's stable error codes. */
export interface AckError {
  code: string;
  message: string;
  details?: unknown;
}

/** Reply of every client-emitted event that takes an acknowledgement. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: AckError };

export type AckCallback<T extends object = object> = (ack: Ack<T>) => void;

// ---- /moderation ---------------------------------------------------------------------------

export interface ModerationSubscribe {
  siteId: string;
  /** The last event id this client processed; missed events are replayed first, in order. */
  lastEventId?: string;
}

export interface ModerationDecision {
  siteId: string;
  commentId: string;
  /** The version the moderator decided on; a stale one gets `conflict`. */
  version?: number;
}

export interface ModerationReject extends ModerationDecision {
  reason?: string;
}

export interface ModerationClientEvents {
  subscribe: (msg: ModerationSubscribe, ack: AckCallback) => void;
  'comment.approve': (msg: ModerationDecision, ack: AckCallback<{ comment?: Comment }>) => void;
  'comment.reject': (msg: ModerationReject, ack: AckCallback<{ comment?: Comment }>) => void;
}

export interface ModerationServerEvents {
  'comment.created': (e: { eventId: string; comment: Comment }) => void;
  'comment.decided': (e: { eventId: string; comment: Comment }) => void;
  'comment.moderated': (e: { eventId: string; comment: Comment; action: string; moderatorId: string }) => void;
  /** The stream no longer holds the client's lastEventId: refetch the queue. */
  resync: (e: { siteId: string }) => void;
}

// ---- /comments (readers) -------------------------------------------------------------------

export interface CommentsSubscribe {
  siteId: string;
  articleId: string;
  lastEventId?: string;
}

export interface CommentsClientEvents {
  subscribe: (msg: CommentsSubscribe, ack: AckCallback) => void;
}

export interface CommentsServerEvents {
  /** A comment of the article became approved. */
  'comment.published': (e: { eventId: string; comment: PublicComment }) => void;
  /** A comment of the article stopped being approved. */
  'comment.removed': (e: { eventId: string; commentId: string }) => void;
  resync: (e: { siteId: string; articleId: string }) => void;
}
