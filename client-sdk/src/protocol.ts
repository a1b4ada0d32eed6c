/**
 * Socket.IO event maps of the two namespaces, shared by the server and the SDK so both sides
 * are type-checked against one contract (types only, no runtime).
 */
import type { Comment, PublicComment, RejectionCode, ReportReason } from './comment-types.js';
import type { Article, ArticleRef, SurgeFigures } from './article-types.js';

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
  /** A code (`spam`, `abuse`, `off_topic`, `illegal`, `other`), free text, or both. */
  reason?: string | { code: RejectionCode; note?: string };
}

export interface ModerationClaim {
  siteId: string;
  commentId: string;
}

/** Size of each moderation queue. */
export type QueueCounts = Record<'pending' | 'held' | 'reported' | 'approved' | 'rejected', number>;

export interface ModerationClientEvents {
  subscribe: (msg: ModerationSubscribe, ack: AckCallback) => void;
  'comment.approve': (msg: ModerationDecision, ack: AckCallback<{ comment: Comment }>) => void;
  'comment.reject': (msg: ModerationReject, ack: AckCallback<{ comment: Comment }>) => void;
  /** Mark a comment as being looked at for 60 s; claim again to renew. */
  'comment.claim': (msg: ModerationClaim, ack: AckCallback<{ until: string }>) => void;
  /** Undo the last human decision on a comment (within 10 minutes). */
  'comment.undo': (msg: ModerationClaim, ack: AckCallback<{ comment: Comment }>) => void;
}

export interface ModerationServerEvents {
  /** `article`: title and url of the comment's article, when the site sent them. */
  'comment.created': (e: { eventId: string; comment: Comment; article?: ArticleRef }) => void;
  'comment.decided': (e: { eventId: string; comment: Comment }) => void;
  'comment.moderated': (e: { eventId: string; comment: Comment; action: string; moderatorId: string }) => void;
  'comment.reported': (e: { eventId: string; comment: Comment; reason: ReportReason; reportCount: number }) => void;
  'comment.claimed': (e: { eventId: string; siteId: string; commentId: string; moderatorId: string; until: string }) => void;
  'moderators.presence': (e: { eventId: string; siteId: string; moderators: Array<{ id: string; name: string }> }) => void;
  'author.updated': (e: { eventId: string; siteId: string; authorId: string; action: string; moderatorId: string }) => void;
  'moderator.revoked': (e: { eventId: string; siteId: string; moderatorId: string }) => void;
  /** An article's title, url, closed state or policy changed (`changes` names which). */
  'article.updated': (e: { eventId: string; siteId: string; article: Article; changes: string[]; moderatorId: string }) => void;
  /** An article switched itself to pre-moderation until `until`; `figures` say why. */
  'surge.started': (e: { eventId: string; siteId: string; article: ArticleRef; figures: SurgeFigures; startedAt: string; until: string }) => void;
  /** The surge is over: the article is back to its own policy. */
  'surge.ended': (e: { eventId: string; siteId: string; article: ArticleRef; startedAt: string; endedAt: string }) => void;
  /** Sent after changes, coalesced: the size of every queue. */
  'queue.counts': (e: { siteId: string; counts: QueueCounts }) => void;
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
  /** The article was closed (`closed: true`, new comments are refused) or reopened. */
  'article.status': (e: { eventId: string; articleId: string; closed: boolean }) => void;
  resync: (e: { siteId: string; articleId: string }) => void;
}
