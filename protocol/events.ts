/**
 * Every event of Palabre, written once (types and constants only: the SDK bundles import this
 * file). A site's Redis stream carries `SiteEvent`s (core/events); moderators receive each one
 * under its type as name (`ModerationServerEvents`); readers receive a projection of a few
 * (`ReaderEventPayloads`). The server's Socket.IO namespaces and the SDK's clients are typed by
 * the maps derived here, so both sides check against one contract.
 */
import type { Article, ArticleRef, SurgeFigures } from './article.js';
import type { Comment, PublicComment, RejectionCode, ReportReason } from './comment.js';
import type { CommentStatus } from './comment-status.js';
import type { ErrorCode } from './error-codes.js';
import type { AttackFigures } from './flood.js';
import type { ReviewQueueCounts } from './review-queue.js';

// ---- the site's event stream ----------------------------------------------------------------

/** What each event of a site's stream says, by type. */
export interface SiteEventPayloads {
  /** `article`: title and url of the comment's article, when the site sent them. */
  'comment.created': { comment: Comment; article?: ArticleRef };
  'comment.decided': { comment: Comment; previousStatus: CommentStatus };
  'comment.moderated': { comment: Comment; previousStatus: CommentStatus; action: string; moderatorId: string };
  'comment.reported': { comment: Comment; reason: ReportReason; reportCount: number };
  'comment.claimed': { siteId: string; commentId: string; moderatorId: string; until: string };
  /** A moderator made the comment one of the newsroom's picks (`featured`), or took it off them. */
  'comment.featured': { comment: Comment; featured: boolean; moderatorId: string };
  /** A reader liked a published comment or stopped liking it: the new count. */
  'comment.reactions': { siteId: string; articleId: string; commentId: string; reactions: number };
  'moderators.presence': { siteId: string; moderators: Array<{ id: string; name: string }> };
  'moderator.revoked': { siteId: string; moderatorId: string };
  'author.updated': { siteId: string; authorId: string; action: string; moderatorId: string };
  /** An article's title, url, closed state or policy changed (`changes` names which); readers learn `closed` from it. */
  'article.updated': { siteId: string; article: Article; changes: string[]; moderatorId: string };
  /** An article switched itself to pre-moderation until `until`; `figures` say why. */
  'surge.started': { siteId: string; article: ArticleRef; figures: SurgeFigures; startedAt: string; until: string };
  /** The surge is over: the article is back to its own policy. */
  'surge.ended': { siteId: string; article: ArticleRef; startedAt: string; endedAt: string };
  /** Flood signals (new device ids from one address, one text from many authors, inhuman rhythm) crossed the site's line. */
  'attack.started': { siteId: string; figures: AttackFigures; startedAt: string };
  /** No flood signal for the policy's quiet period: the attack is over; `figures` are its totals. */
  'attack.ended': { siteId: string; figures: AttackFigures; startedAt: string; endedAt: string };
}

export type SiteEventType = keyof SiteEventPayloads;

/** Every site event type, in the order above. */
export const SITE_EVENT_TYPES = [
  'comment.created',
  'comment.decided',
  'comment.moderated',
  'comment.reported',
  'comment.claimed',
  'comment.featured',
  'comment.reactions',
  'moderators.presence',
  'moderator.revoked',
  'author.updated',
  'article.updated',
  'surge.started',
  'surge.ended',
  'attack.started',
  'attack.ended',
] as const satisfies readonly SiteEventType[];
// a type added to SiteEventPayloads but not to this list is a compile error here
true satisfies Exclude<SiteEventType, (typeof SITE_EVENT_TYPES)[number]> extends never ? true : false;

/** One record of a site's stream: `{type, …payload}`. */
export type SiteEvent<T extends SiteEventType = SiteEventType> = { [K in T]: { type: K } & SiteEventPayloads[K] }[T];

/** The events that carry the comment they are about; readers may see some of them. */
export type CommentEventType = 'comment.created' | 'comment.decided' | 'comment.moderated' | 'comment.reported' | 'comment.featured';
export type CommentEvent = SiteEvent<CommentEventType>;
/** Events that carry no comment record: signals for the moderation room, and reaction counts (readers see those too). */
export type SignalEvent = SiteEvent<Exclude<SiteEventType, CommentEventType>>;

/** An event id is its Redis stream id, `ms-seq`; clients send back the last one they processed. */
export const isEventId = (s: unknown): s is string => typeof s === 'string' && /^\d{1,15}-\d{1,10}$/.test(s);

// ---- acknowledgements ------------------------------------------------------------------------

/** Error carried by a failed acknowledgement; `code` is one of the API's stable error codes. */
export interface AckError {
  code: ErrorCode;
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

/** Size of each review queue. */
export type QueueCounts = ReviewQueueCounts;

export interface ModerationClientEvents {
  subscribe: (msg: ModerationSubscribe, ack: AckCallback) => void;
  'comment.approve': (msg: ModerationDecision, ack: AckCallback<{ comment: Comment }>) => void;
  'comment.reject': (msg: ModerationReject, ack: AckCallback<{ comment: Comment }>) => void;
  /** Mark a comment as being looked at for 60 s; claim again to renew. */
  'comment.claim': (msg: ModerationClaim, ack: AckCallback<{ until: string }>) => void;
  /** Undo the last human decision on a comment (within 10 minutes). */
  'comment.undo': (msg: ModerationClaim, ack: AckCallback<{ comment: Comment }>) => void;
}

/** What moderators receive for a site event: its payload with its stream id, without `previousStatus`. */
export type ModerationEventPayload<T extends SiteEventType = SiteEventType> = { eventId: string } & Omit<
  SiteEventPayloads[T],
  'previousStatus'
>;

/** Events the server sends that are not site events. */
export interface ModerationControlEvents {
  /** Sent after changes, coalesced: the size of every queue. */
  'queue.counts': (e: { siteId: string; counts: QueueCounts }) => void;
  /** The stream no longer holds the client's lastEventId: refetch the queue. */
  resync: (e: { siteId: string }) => void;
}

/** Every site event under its type, then the control events. */
export type ModerationServerEvents = { [T in SiteEventType]: (e: ModerationEventPayload<T>) => void } & ModerationControlEvents;

// ---- /comments (readers) -------------------------------------------------------------------

export interface CommentsSubscribe {
  siteId: string;
  articleId: string;
  lastEventId?: string;
}

export interface CommentsClientEvents {
  subscribe: (msg: CommentsSubscribe, ack: AckCallback) => void;
}

/** What readers are told, projected from site events (server/realtime/realtime-fanout.ts). */
export interface ReaderEventPayloads {
  /** A comment of the article became approved. */
  'comment.published': { comment: PublicComment };
  /** A comment of the article stopped being approved. */
  'comment.removed': { commentId: string };
  /** The article was closed (`closed: true`, new comments are refused) or reopened. */
  'article.status': { articleId: string; closed: boolean };
  /** A published comment became one of the newsroom's picks (`featured`) or stopped being one. */
  'comment.featured': { commentId: string; featured: boolean };
  /** The number of readers who like a published comment changed. */
  'comment.reactions': { commentId: string; reactions: number };
}

export type ReaderEventType = keyof ReaderEventPayloads;
export type ReaderEventPayload<T extends ReaderEventType = ReaderEventType> = { eventId: string } & ReaderEventPayloads[T];

export type CommentsServerEvents = { [T in ReaderEventType]: (e: ReaderEventPayload<T>) => void } & {
  resync: (e: { siteId: string; articleId: string }) => void;
};
