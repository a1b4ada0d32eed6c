import { io, type Socket } from 'socket.io-client';
import type { PublicComment, ReportReason, ThreadSort } from '../../protocol/comment.js';
import { deviceId as defaultDeviceId } from './device-id.js';
import { createApi } from './api-client.js';
import { createHttpClient, randomId, type RequestOptions } from './http-client.js';
import { isHttpError } from './errors.js';
import { CHALLENGE_CODES, hasChallenge, solveProofOfWork } from './proof-of-work.js';
import { CHALLENGE_HEADER } from '../../protocol/flood.js';
import type { CommentsServerEvents } from '../../protocol/events.js';
import type { StatementOfReasons } from '../../protocol/statement.js';
import { resumableSubscription, type ResumableSubscription } from './resumable-subscription.js';

export interface CommentsClientOptions {
  /** Base URL of the Palabre server, e.g. `https://comments.example.com`. */
  url: string;
  siteId: string;
  /** The site's public key (not a secret). */
  siteKey: string;
  /** The reader's single sign-on JWT, signed by the site. @default undefined (anonymous) */
  ssoToken?: string;
  /** Tells anonymous readers apart. @default a random id kept in localStorage */
  deviceId?: string;
  /**
   * Socket.IO transports, tried in this order until one connects. `['websocket', 'polling']` falls
   * back to HTTP long-polling where WebSocket is blocked; polling needs sticky sessions on a
   * load balancer in front of several servers (docs/deploy.md). @default ['websocket'] (no sticky sessions needed)
   */
  transports?: Array<'websocket' | 'polling'>;
  /** Told when a write needs a proof of work (`solving`) and when it is solved (`solved`), e.g. to say "checking…". @default undefined */
  onChallenge?: (state: 'solving' | 'solved') => void;
  /** The fetch to send requests with (a custom agent, a test's source address). @default globalThis.fetch */
  fetch?: typeof fetch;
}

export interface NewCommentInput {
  body: string;
  author: { name: string };
  parentId?: string;
  /** The article's title, canonical URL (http or https) and section ("Politique"); stored by the first comment that sends them. */
  article?: { title?: string; url?: string; section?: string };
  /** How long the form was open before sending, in ms (a flood signal when no person could write that fast). The widget measures it. */
  composeMs?: number;
}

export interface ThreadQuery {
  cursor?: string;
  limit?: number;
  /** @default 'oldest' */
  sort?: ThreadSort;
  /** The newsroom's picks first. @default false */
  featuredFirst?: boolean;
}

export interface ThreadPage {
  comments: PublicComment[];
  nextCursor: string | null;
  /** New comments are refused (`article_closed`): show "comments closed" instead of the form. */
  closed: boolean;
}

export interface CommentsHandlers {
  /** A comment of the article was approved. */
  published?: (comment: PublicComment, eventId: string) => void;
  /** A comment stopped being approved: take it off the page. */
  removed?: (commentId: string, eventId: string) => void;
  /** Too many events were missed: reload the thread with `list`. */
  resync?: () => void;
  /** The article was closed to new comments (`true`) or reopened (`false`). */
  closedChanged?: (closed: boolean, eventId: string) => void;
  /** The number of readers who like a published comment changed. */
  reactionsChanged?: (commentId: string, reactions: number, eventId: string) => void;
  /** A published comment became one of the newsroom's picks (`true`) or stopped being one. */
  featuredChanged?: (commentId: string, featured: boolean, eventId: string) => void;
  error?: (err: { code: string; message: string }) => void;
}

/**
 * The reader side of Palabre: list, post and report comments of a site, and receive newly
 * published ones live.
 * @example
 * const client = createCommentsClient({ url, siteId, siteKey });
 * const { comments } = await client.list('budget-2027');
 * client.subscribe('budget-2027', { published: (c) => render(c) });
 */
export function createCommentsClient(opts: CommentsClientOptions) {
  const device = opts.deviceId ?? defaultDeviceId();
  let ssoToken = opts.ssoToken;
  const request = createHttpClient(
    opts.url,
    () => ({
      'x-site-key': opts.siteKey,
      'x-device-id': device,
      ...(ssoToken ? { 'x-sso-token': ssoToken } : {}),
    }),
    opts.fetch,
  );
  // a write the server asks a proof of work for is solved here and sent again, so no embed changes
  const sendSolvingChallenges = async <T>(path: string, init: RequestOptions = {}): Promise<T> => {
    if ((init.method ?? 'GET') === 'GET') return request<T>(path, init);
    for (let attempt = 0; ; attempt++) {
      try {
        return await request<T>(path, init);
      } catch (err) {
        // a replayed or expired solution gets a fresh challenge: one more round, then the error stands
        if (attempt >= 2 || !isHttpError(err) || !CHALLENGE_CODES.includes(err.code) || !hasChallenge(err.details)) throw err;
        opts.onChallenge?.('solving');
        const solved = await solveProofOfWork(err.details.challenge);
        opts.onChallenge?.('solved');
        init = { ...init, headers: { ...init.headers, [CHALLENGE_HEADER]: solved } };
      }
    }
  };
  // every write of the typed API gets the same proof-of-work handling: posts, reports, likes
  const api = createApi(sendSolvingChallenges);
  const { siteId } = opts;

  return {
    /**
     * Every route of the API, typed from the OpenAPI document, sent with this reader's site key,
     * device id and SSO token.
     */
    api,
    /**
     * Approved comments, replies nested (oldest first). `sort` orders the top-level ones:
     * `oldest` (default), `newest`, `replies` (most replies first) or `reactions` (most liked
     * first); `featuredFirst` opens the first page with the newsroom's picks. Each comment says
     * whether this reader likes it (`reacted`).
     */
    list(articleId: string, page: ThreadQuery = {}): Promise<ThreadPage> {
      const { limit = 50, cursor, sort, featuredFirst } = page;
      return api.listComments({
        path: { siteId, articleId },
        query: { limit, ...(cursor ? { cursor } : {}), ...(sort ? { sort } : {}), ...(featuredFirst ? { featuredFirst: 'true' as const } : {}) },
      });
    },
    /** Number of approved comments. */
    async count(articleId: string): Promise<number> {
      return (await api.countComments({ path: { siteId, articleId } })).approved;
    },
    /**
     * Posts a comment (status `pending` until the checks or a moderator decide). Retried on
     * network errors with one Idempotency-Key, so it is never posted twice. When the server asks
     * for a proof of work (403 `challenge_required`, under a flood), it is solved and sent again.
     */
    async post(articleId: string, input: NewCommentInput): Promise<PublicComment> {
      const res = await api.postComment({
        path: { siteId, articleId },
        body: input,
        headers: { 'idempotency-key': randomId() },
        retries: 3,
      });
      return res.comment;
    },
    /**
     * This reader likes a published comment ("J'apprécie"): one like per reader (the SSO
     * subject, else the device id), so liking twice changes nothing. Returns the new count.
     */
    react(commentId: string): Promise<{ reactions: number; reacted: boolean }> {
      return api.addReaction({ path: { siteId, commentId }, body: {}, retries: 2 });
    },
    /** Takes this reader's like back. */
    unreact(commentId: string): Promise<{ reactions: number; reacted: boolean }> {
      return api.removeReaction({ path: { siteId, commentId }, retries: 2 });
    },
    /** Reports a published comment; a reader's second report of one comment is ignored. */
    async report(commentId: string, reason: ReportReason, note?: string): Promise<void> {
      await api.reportComment({ path: { siteId, commentId }, body: { reason, ...(note ? { note } : {}) }, retries: 2 });
    },
    /**
     * Why the reader's own comment is held or removed: the rules or models, words, scores and
     * thresholds behind the decision (EU DSA statement of reasons). Identifies the reader by
     * the SSO token, else the device id; someone else's comment gives a 403 `not_comment_author`.
     * @example const { restriction, grounds } = await client.getStatementOfReasons(comment.id);
     */
    async getStatementOfReasons(commentId: string): Promise<StatementOfReasons> {
      // the document types reason codes as strings for older clients; this version knows them
      return (await api.getStatementOfReasons({ path: { siteId, commentId } })) as StatementOfReasons;
    },
    /** Live comments of an article; resumes from the last event after any reconnect. */
    subscribe(articleId: string, handlers: CommentsHandlers, resume: { lastEventId?: string } = {}): ResumableSubscription {
      const socket: Socket = io(`${opts.url.replace(/\/+$/, '')}/comments`, {
        auth: { siteKey: opts.siteKey },
        transports: opts.transports ?? ['websocket'],
        tryAllTransports: true, // without it socket.io-client never falls back to the next transport
      });
      const sub = resumableSubscription(socket, () => ({ siteId: opts.siteId, articleId }), {
        lastEventId: resume.lastEventId,
        onError: handlers.error,
      });
      const on = socket.on.bind(socket) as <K extends keyof CommentsServerEvents>(n: K, f: CommentsServerEvents[K]) => void;
      on('comment.published', (e) => {
        sub.seen(e.eventId);
        handlers.published?.(e.comment, e.eventId);
      });
      on('comment.removed', (e) => {
        sub.seen(e.eventId);
        handlers.removed?.(e.commentId, e.eventId);
      });
      on('article.status', (e) => {
        sub.seen(e.eventId);
        handlers.closedChanged?.(e.closed, e.eventId);
      });
      on('comment.reactions', (e) => {
        sub.seen(e.eventId);
        handlers.reactionsChanged?.(e.commentId, e.reactions, e.eventId);
      });
      on('comment.featured', (e) => {
        sub.seen(e.eventId);
        handlers.featuredChanged?.(e.commentId, e.featured, e.eventId);
      });
      on('resync', () => handlers.resync?.());
      socket.on('connect_error', (err) => handlers.error?.({ code: err.message, message: err.message }));
      return sub;
    },
    /** Signs the reader in (or out with undefined) for later requests. */
    setSsoToken(token: string | undefined) {
      ssoToken = token;
    },
    deviceId: device,
  };
}

export type CommentsClient = ReturnType<typeof createCommentsClient>;
