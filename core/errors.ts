/**
 * The one error type of Palabre. `code` is stable and documented in the API reference;
 * `message` and `details` are safe to show a client; `cause` stays in the logs.
 */
export class PalabreError extends Error {
  override readonly name = 'PalabreError';
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** Seconds a client should wait before retrying (sent as Retry-After). */
  readonly retryAfter: number | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    opts: { details?: unknown; cause?: unknown; retryAfter?: number } = {},
  ) {
    super(message, { cause: opts.cause });
    this.status = status;
    this.code = code;
    this.details = opts.details;
    this.retryAfter = opts.retryAfter;
  }

  toJSON(): { error: { code: string; message: string; details?: unknown } } {
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

/** Constructors for the codes used across the API, so a code is spelled in one place. */
export const errors = {
  validation: (details: unknown, message = 'The request is not valid.') =>
    new PalabreError(400, 'validation_failed', message, { details }),
  invalidJson: () => new PalabreError(400, 'invalid_json', 'The request body is not valid JSON.'),
  unauthorized: (message = 'Missing or invalid credentials.') =>
    new PalabreError(401, 'unauthorized', message),
  forbidden: (message = 'These credentials do not allow this action.') =>
    new PalabreError(403, 'forbidden', message),
  originNotAllowed: (origin: string) =>
    new PalabreError(403, 'origin_not_allowed', `Origin ${origin} is not allowed for this site.`),
  siteNotFound: () => new PalabreError(404, 'site_not_found', 'No such site.'),
  commentNotFound: () => new PalabreError(404, 'comment_not_found', 'No such comment.'),
  moderatorNotFound: () => new PalabreError(404, 'moderator_not_found', 'No such moderator.'),
  authorNotFound: () => new PalabreError(404, 'author_not_found', 'No such author on this site.'),
  routeNotFound: () => new PalabreError(404, 'not_found', 'No such route.'),
  parentNotFound: () =>
    new PalabreError(
      400,
      'invalid_parent',
      'parentId must be an approved comment of the same article.',
    ),
  payloadTooLarge: () =>
    new PalabreError(413, 'payload_too_large', 'The request body is larger than 64 KB.'),
  unsupportedMediaType: () =>
    new PalabreError(415, 'unsupported_media_type', 'Send the body as application/json.'),
  rateLimited: (retryAfter: number) =>
    new PalabreError(429, 'rate_limited', 'Too many writes; try again later.', { retryAfter }),
  storageUnavailable: () =>
    new PalabreError(503, 'storage_unavailable', 'Storage is unavailable; try again shortly.', {
      retryAfter: 1,
    }),
  storageFull: () =>
    new PalabreError(503, 'storage_full', 'Storage is full; try again later.', { retryAfter: 30 }),
  /** DURABILITY=replica: the comment is on the primary, but no replica confirmed it in time. */
  durabilityUnavailable: (timeoutMs: number) =>
    new PalabreError(
      503,
      'durability_unavailable',
      `No Redis replica confirmed the comment within ${timeoutMs} ms. It may still be published; ` +
        'retry with the same Idempotency-Key, which never creates it twice.',
      { retryAfter: 1 },
    ),
  internal: (cause?: unknown) =>
    new PalabreError(500, 'internal_error', 'Something went wrong on our side.', { cause }),
} as const;
