/**
 * Errors thrown by the SDK. Every one has a stable `code`; guards compare `name` too, so they
 * work across bundles and realms where `instanceof` does not.
 */
export class PalabreClientError extends Error {
  override name = 'PalabreClientError';
  /** Stable machine code: the server's error code, or `network_error`, `timeout`, … */
  readonly code: string;
  readonly details: unknown;
  constructor(code: string, message: string, opts: { details?: unknown; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.code = code;
    this.details = opts.details;
  }
}

/** The server answered with an error status; `code` is the API's error code. */
export class HttpError extends PalabreClientError {
  override name = 'HttpError';
  readonly status: number;
  /** Seconds to wait before retrying, from Retry-After. */
  readonly retryAfter: number | undefined;
  constructor(status: number, code: string, message: string, opts: { details?: unknown; retryAfter?: number } = {}) {
    super(code, message, { details: opts.details });
    this.status = status;
    this.retryAfter = opts.retryAfter;
  }
}

/** The request never got an answer (offline, DNS, reset, timeout). */
export class NetworkError extends PalabreClientError {
  override name = 'NetworkError';
  constructor(message: string, cause?: unknown) {
    super('network_error', message, { cause });
  }
}

const named = (err: unknown, ...names: string[]) =>
  typeof err === 'object' && err !== null && names.includes((err as { name?: unknown }).name as string);

export const isPalabreClientError = (err: unknown): err is PalabreClientError =>
  err instanceof PalabreClientError || named(err, 'PalabreClientError', 'HttpError', 'NetworkError');
export const isHttpError = (err: unknown): err is HttpError => err instanceof HttpError || named(err, 'HttpError');
export const isNetworkError = (err: unknown): err is NetworkError => err instanceof NetworkError || named(err, 'NetworkError');
