import type { Comment } from '../protocol/comment.js';
import type { ErrorBody, ErrorCode } from '../protocol/error-codes.js';
import type { ChallengeDetails } from '../protocol/flood.js';

/** The HTTP status of each error code (docs/api.md, "Error codes"). */
const STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_parent: 400,
  bad_request: 400,
  unauthorized: 401,
  invalid_sso_token: 401,
  forbidden: 403,
  challenge_required: 403,
  challenge_invalid: 403,
  challenge_expired: 403,
  challenge_replayed: 403,
  origin_not_allowed: 403,
  not_comment_author: 403,
  site_not_found: 404,
  comment_not_found: 404,
  moderator_not_found: 404,
  author_not_found: 404,
  article_not_found: 404,
  note_not_found: 404,
  not_found: 404,
  conflict: 409,
  undo_unavailable: 409,
  article_closed: 409,
  already_claimed: 409,
  comment_not_approved: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  storage_unavailable: 503,
  storage_full: 503,
  durability_unavailable: 503,
  session_expired: 401,
  insufficient_scope: 403,
  no_site_access: 403,
  oidc_disabled: 404,
  moderation_queue_stuck: 503,
  workers_stopped: 503,
  unavailable: 503,
} as const satisfies Record<ErrorCode, number>;

export interface PalabreErrorOptions {
  details?: unknown;
  /** What really went wrong, for the logs only. */
  cause?: unknown;
  /** Seconds a client should wait before retrying (sent as Retry-After). */
  retryAfter?: number;
  /** Another status than the code's own (`bad_request` keeps the 4xx it was given). */
  status?: number;
}

/**
 * The one error type of Palabre. `code` is stable and documented in the API reference;
 * `message` and `details` are safe to show a client; `cause` stays in the logs. Make them
 * with `errors`, where every code is spelled once.
 */
export class PalabreError extends Error {
  override readonly name = 'PalabreError';
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: unknown;
  /** Seconds a client should wait before retrying (sent as Retry-After). */
  readonly retryAfter: number | undefined;

  constructor(code: ErrorCode, message: string, opts: PalabreErrorOptions = {}) {
    super(message, { cause: opts.cause });
    this.status = opts.status ?? STATUS[code];
    this.code = code;
    this.details = opts.details;
    this.retryAfter = opts.retryAfter;
  }

  /** The public part: what a client may see. */
  toJSON(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export const isPalabreError = (err: unknown): err is PalabreError =>
  err instanceof PalabreError || (err instanceof Error && err.name === 'PalabreError');

/** Every error the API gives, so a code and its message are spelled in one place. */
export const errors = {
  validation: (details: unknown, message = 'The request is not valid.') => new PalabreError('validation_failed', message, { details }),
  invalidJson: () => new PalabreError('invalid_json', 'The request body is not valid JSON.'),
  parentNotFound: () => new PalabreError('invalid_parent', 'parentId must be an approved comment of the same article.'),
  /** A body the parser refused for another reason, with the 4xx status it gave. */
  badRequest: (status: number) => new PalabreError('bad_request', 'The request could not be read.', { status }),
  unauthorized: (message = 'Missing or invalid credentials.') => new PalabreError('unauthorized', message),
  invalidSsoToken: (why: string) => new PalabreError('invalid_sso_token', `The SSO token is not valid: ${why}.`),
  forbidden: (message = 'These credentials do not allow this action.') => new PalabreError('forbidden', message),
  /** A write without the proof of work the gate asks for; `details` is what the SDK needs to solve it. */
  challengeRequired: (details: ChallengeDetails) =>
    new PalabreError('challenge_required', 'Solve the proof-of-work challenge and send it again.', { details }),
  challengeInvalid: (why: string, details: ChallengeDetails) =>
    new PalabreError('challenge_invalid', `The challenge solution is not valid: ${why}.`, { details }),
  challengeExpired: (details: ChallengeDetails) => new PalabreError('challenge_expired', 'The challenge has expired; solve the new one.', { details }),
  challengeReplayed: (details: ChallengeDetails) =>
    new PalabreError('challenge_replayed', 'This challenge solution was already used; solve the new one.', { details }),
  originNotAllowed: (origin: string) => new PalabreError('origin_not_allowed', `Origin ${origin} is not allowed for this site.`),
  notCommentAuthor: () =>
    new PalabreError('not_comment_author', 'Only the author of a comment can read its statement of reasons.'),
  siteNotFound: () => new PalabreError('site_not_found', 'No such site.'),
  commentNotFound: () => new PalabreError('comment_not_found', 'No such comment.'),
  moderatorNotFound: () => new PalabreError('moderator_not_found', 'No such moderator.'),
  authorNotFound: () => new PalabreError('author_not_found', 'No such author on this site.'),
  articleNotFound: () => new PalabreError('article_not_found', 'No such article on this site.'),
  noteNotFound: () => new PalabreError('note_not_found', 'No such note about this author.'),
  routeNotFound: () => new PalabreError('not_found', 'No such route.'),
  /** A decision on a version the comment has moved past; `details.comment` is the comment as it is now. */
  conflict: (current: Comment) =>
    new PalabreError('conflict', 'The comment changed since you loaded it.', { details: { comment: current } }),
  undoUnavailable: () => new PalabreError('undo_unavailable', 'There is no decision to undo within the last 10 minutes.'),
  articleClosed: () => new PalabreError('article_closed', 'Comments are closed on this article.'),
  alreadyClaimed: (details: { moderatorId: string; until: string }) =>
    new PalabreError('already_claimed', 'Another moderator is looking at this comment.', { details }),
  commentNotApproved: () =>
    new PalabreError('comment_not_approved', 'Only a published (approved) comment can be one of the newsroom\'s picks.'),
  payloadTooLarge: () => new PalabreError('payload_too_large', 'The request body is larger than 64 KB.'),
  unsupportedMediaType: () => new PalabreError('unsupported_media_type', 'Send the body as application/json.'),
  rateLimited: (retryAfter: number) => new PalabreError('rate_limited', 'Too many writes; try again later.', { retryAfter }),
  internal: (cause?: unknown) => new PalabreError('internal_error', 'Something went wrong on our side.', { cause }),
  storageUnavailable: (message = 'Storage is unavailable; try again shortly.') =>
    new PalabreError('storage_unavailable', message, { retryAfter: 1 }),
  storageFull: () => new PalabreError('storage_full', 'Storage is full; try again later.', { retryAfter: 30 }),
  /** DURABILITY=replica: the comment is on the primary, but no replica confirmed it in time. */
  durabilityUnavailable: (timeoutMs: number) =>
    new PalabreError(
      'durability_unavailable',
      `No Redis replica confirmed the comment within ${timeoutMs} ms. It may still be published; ` +
        'retry with the same Idempotency-Key, which never creates it twice.',
      { retryAfter: 1 },
    ),
  /** No valid sign-in with the newsroom's OpenID provider behind the session cookie. */
  sessionExpired: (why = 'Sign in again.') => new PalabreError('session_expired', `No valid sign-in: ${why}`),
  /** An API token whose scope does not allow the action. */
  insufficientScope: (scope: string) => new PalabreError('insufficient_scope', `This token's scope (${scope}) does not allow this action.`),
  noSiteAccess: (message = 'This sign-in gives no access to that site.') => new PalabreError('no_site_access', message),
  oidcDisabled: () => new PalabreError('oidc_disabled', 'Sign-in with an OpenID provider is not configured (OIDC_ISSUER).'),
  moderationQueueStuck: (message: string, details: { waiting: number; oldestWaitMs: number }) =>
    new PalabreError('moderation_queue_stuck', message, { details }),
  workersStopped: () => new PalabreError('workers_stopped', 'The workers are stopping.'),
  /** A socket that could not be authenticated because something failed on our side. */
  unavailable: (cause: unknown) => new PalabreError('unavailable', 'The server cannot check credentials now.', { cause }),
} as const;
