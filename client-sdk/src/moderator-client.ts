import { io, type Socket } from 'socket.io-client';
import type { Comment, RejectionCode } from '../../protocol/comment.js';
import type { ArticleRef } from '../../protocol/article.js';
import type { AuthorProfile } from '../../protocol/author.js';
import type { ReviewQueue } from '../../protocol/review-queue.js';
import { createApi, type components } from './api-client.js';
import { createHttpClient } from './http-client.js';
import type { ModerationServerEvents, QueueCounts } from '../../protocol/events.js';
import type { AttackFigures } from '../../protocol/flood.js';
import { resumableSubscription, type ResumableSubscription } from './resumable-subscription.js';

export interface ModeratorClientOptions {
  /** Base URL of the Palabre server. */
  url: string;
  /**
   * A moderator token (or the admin token), or a function that returns the current one: a
   * moderator signed in with the newsroom's account has short-lived tokens that change.
   */
  token: string | (() => string);
  /**
   * Socket.IO transports, tried in this order until one connects. `['websocket', 'polling']` falls
   * back to HTTP long-polling where WebSocket is blocked; polling needs sticky sessions on a
   * load balancer in front of several servers (docs/deploy.md). @default ['websocket'] (no sticky sessions needed)
   */
  transports?: Array<'websocket' | 'polling'>;
}

/** A review queue's name. */
export type QueueStatus = ReviewQueue;

export interface QueuePage {
  comments: Comment[];
  nextCursor: string | null;
  counts: QueueCounts;
  /** Title and url of the page's articles, by article id (when the site sent them). */
  articles: Record<string, ArticleRef>;
}

export type ModerationHandlers = Partial<ModerationServerEvents> & {
  error?: (err: { code: string; message: string }) => void;
  /** The socket is connected and subscribed (again, after a reconnect). */
  connected?: () => void;
  disconnected?: () => void;
};

export type RejectReason = RejectionCode | string | { code: RejectionCode; note?: string };

/** The site's attack while it lasts (GET /sites/:siteId/attack). */
export interface AttackState {
  startedAt: string;
  lastSignalAt: string;
  figures: AttackFigures;
}

/** Near-identical held comments: a wave one decision can cover. */
export interface TextGroup {
  key: string;
  count: number;
  authors: number;
  sample: Comment;
  commentIds: string[];
  articleIds: string[];
}

/** What a decision on many comments did: the ids changed (keep them to undo) and those that failed alone. */
export interface ManyDecided {
  decided: string[];
  failed: Array<{ commentId: string; code: string; message: string }>;
}

/**
 * The moderator side of Palabre: queues, decisions, bans, claims, and the live moderation feed.
 * @example
 * const mod = createModeratorClient({ url, token });
 * const { comments } = await mod.queue(siteId, 'held');
 * mod.subscribe(siteId, { 'comment.decided': ({ comment }) => show(comment) });
 */
export function createModeratorClient(opts: ModeratorClientOptions) {
  const token = () => (typeof opts.token === 'function' ? opts.token() : opts.token);
  const request = createHttpClient(opts.url, () => ({ authorization: `Bearer ${token()}` }));
  const api = createApi(request);
  const ids = (siteId: string, commentId: string) => ({ path: { siteId, commentId } });
  // The document types reason codes and attributes as strings, so that an older client accepts a
  // newer server's codes; these methods speak this version's vocabulary (protocol/), as the console does.
  const record = (c: components['schemas']['Comment']) => c as Comment;

  return {
    /**
     * Every route of the API, typed from the OpenAPI document (bulk, statistics, audit, articles,
     * sites, moderators, data export and erasure, …), one method per operationId.
     * @example const { entries } = await mod.api.auditLog({ path: { siteId }, query: { limit: 20 } });
     */
    api,
    /**
     * One page of a queue: held severe harm first then riskiest, pending oldest first, reported most
     * reported first; filtered by article, author, section or text; `all` statuses for an article or an author.
     */
    queue(
      siteId: string,
      status: QueueStatus | 'all',
      filters: { cursor?: string; limit?: number; articleId?: string; authorId?: string; q?: string; section?: string } = {},
    ): Promise<QueuePage> {
      return api.moderationQueue({ path: { siteId }, query: { status, ...filters } }) as Promise<QueuePage>;
    },
    /** The full record of one comment, with its reports. */
    async comment(siteId: string, commentId: string): Promise<Comment> {
      return record((await api.getComment(ids(siteId, commentId))).comment);
    },
    async approve(siteId: string, commentId: string, opts2: { version?: number } = {}): Promise<Comment> {
      return record((await api.approveComment({ ...ids(siteId, commentId), body: opts2 })).comment);
    },
    async reject(siteId: string, commentId: string, opts2: { reason?: RejectReason; version?: number } = {}): Promise<Comment> {
      return record((await api.rejectComment({ ...ids(siteId, commentId), body: opts2 })).comment);
    },
    async undo(siteId: string, commentId: string): Promise<Comment> {
      return record((await api.undoDecision(ids(siteId, commentId))).comment);
    },
    /**
     * Makes a published comment one of the newsroom's picks ("coup de cœur de la rédaction"),
     * or takes it off them (`featured: false`); readers see it live.
     */
    async feature(siteId: string, commentId: string, featured: boolean): Promise<Comment> {
      return record((await api.featureComment({ ...ids(siteId, commentId), body: { featured } })).comment);
    },
    /** Marks a comment as yours for 60 s; others are told. */
    claim(siteId: string, commentId: string): Promise<{ until: string }> {
      return api.claimComment(ids(siteId, commentId));
    },
    ban(
      siteId: string,
      authorId: string,
      ban: { reason: string; until?: string; rejectExisting?: boolean },
    ): Promise<{ author: AuthorProfile; rejected: number }> {
      return api.banAuthor({ path: { siteId, authorId }, body: ban });
    },
    /** The site's attack while it lasts, else null. */
    async attack(siteId: string): Promise<AttackState | null> {
      return (await api.currentAttack({ path: { siteId } })).attack;
    },
    /** Held comments grouped by near-identical text, largest first (groups of at least `minSize`). */
    async textGroups(siteId: string, minSize = 2): Promise<TextGroup[]> {
      return (await api.heldTextGroups({ path: { siteId }, query: { minSize } })).groups.map((g) => ({ ...g, sample: record(g.sample) }));
    },
    /** Approves or rejects every held comment of a group; undo with `undoMany(decided)`. */
    decideGroup(siteId: string, key: string, action: 'approve' | 'reject', reason?: RejectReason): Promise<ManyDecided> {
      return api.decideTextGroup({ path: { siteId, groupKey: key }, body: { action, ...(reason !== undefined ? { reason } : {}) } });
    },
    /** Undoes the last decision on each comment (within 10 minutes). */
    undoMany(siteId: string, commentIds: string[]): Promise<ManyDecided> {
      return api.undoTextGroup({ path: { siteId }, body: { commentIds } });
    },
    async author(siteId: string, authorId: string): Promise<{ author: AuthorProfile; comments: Comment[] }> {
      const { author, comments } = await api.getAuthor({ path: { siteId, authorId } });
      return { author, comments: comments.map(record) };
    },
    /** Live moderation events of a site; resumes from the last event after any reconnect. */
    subscribe(siteId: string, handlers: ModerationHandlers, resume: { lastEventId?: string } = {}): ResumableSubscription {
      const socket: Socket = io(`${opts.url.replace(/\/+$/, '')}/moderation`, {
        // read at every (re)connect, so a reconnect after a refresh sends the new token
        auth: (cb) => cb({ token: token() }),
        transports: opts.transports ?? ['websocket'],
        tryAllTransports: true, // without it socket.io-client never falls back to the next transport
      });
      const sub = resumableSubscription(socket, () => ({ siteId }), {
        lastEventId: resume.lastEventId,
        onError: handlers.error,
        onSubscribed: () => handlers.connected?.(),
      });
      const { error, connected: _connected, disconnected, ...events } = handlers;
      for (const [name, handler] of Object.entries(events)) {
        socket.on(name, (payload: { eventId?: string }) => {
          sub.seen(payload?.eventId);
          (handler as (p: unknown) => void)(payload);
        });
      }
      socket.on('disconnect', (reason) => {
        disconnected?.();
        // the server closed this socket on purpose (a revoked moderator, an ended sign-in): connect
        // once more, so the handshake says why (`unauthorized`) or, if the token is still good, resumes
        if (reason === 'io server disconnect') socket.connect();
      });
      socket.on('connect_error', (err) => error?.({ code: err.message, message: err.message }));
      return sub;
    },
  };
}

export type ModeratorClient = ReturnType<typeof createModeratorClient>;
