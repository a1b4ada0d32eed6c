/**
 * Errors thrown by the SDK. Every one has a stable `code`: the API's own codes
 * (`ERROR_CODES` of protocol/error-codes.ts, documented in docs/api.md) or one of the SDK's.
 * Guards compare `name` too, so they work across bundles and realms where `instanceof` does not.
 */
import type { ErrorCode } from '../../protocol/error-codes.js';

/**
 * What an HttpError's `code` can be: the API's code, or `http_error` when the answer was not
 * Palabre's (a proxy's HTML error page, say).
 */
export type HttpErrorCode = ErrorCode | 'http_error';
/** Every code an SDK error can carry: the API's, `network_error` (no answer), `challenge_unsolved` (a proof of work not solved in time). */
export type ClientErrorCode = HttpErrorCode | 'network_error' | 'challenge_unsolved';

export class PalabreClientError extends Error {
  override name = 'PalabreClientError';
  /** Stable machine code: the server's error code, `network_error`, `http_error` or `challenge_unsolved`. */
  readonly code: ClientErrorCode;
  readonly details: unknown;
  constructor(code: ClientErrorCode, message: string, opts: { details?: unknown; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.code = code;
    this.details = opts.details;
  }
}

/** The server answered with an error status; `code` is the API's error code. */
export class HttpError<C extends HttpErrorCode = HttpErrorCode> extends PalabreClientError {
  override name = 'HttpError';
  declare readonly code: C;
  readonly status: number;
  /** Seconds to wait before retrying, from Retry-After. */
  readonly retryAfter: number | undefined;
  constructor(status: number, code: C, message: string, opts: { details?: unknown; retryAfter?: number } = {}) {
    super(code, message, { details: opts.details });
    this.status = status;
    this.retryAfter = opts.retryAfter;
  }
}

/** The request never got an answer (offline, DNS, reset, timeout). */
export class NetworkError extends PalabreClientError {
  override name = 'NetworkError';
  declare readonly code: 'network_error';
  constructor(message: string, cause?: unknown) {
    super('network_error', message, { cause });
  }
}

const named = (err: unknown, ...names: string[]) =>
  typeof err === 'object' && err !== null && names.includes((err as { name?: unknown }).name as string);

export const isPalabreClientError = (err: unknown): err is PalabreClientError =>
  err instanceof PalabreClientError || named(err, 'PalabreClientError', 'HttpError', 'NetworkError');

/**
 * True for an error answer of the API; with `code`, only for that code, narrowing it.
 * @example if (isHttpError(err, 'rate_limited')) retryIn(err.retryAfter);
 */
export function isHttpError<C extends HttpErrorCode = HttpErrorCode>(err: unknown, code?: C): err is HttpError<C> {
  const http = err instanceof HttpError || named(err, 'HttpError');
  return http && (code === undefined || (err as HttpError).code === code);
}

export const isNetworkError = (err: unknown): err is NetworkError => err instanceof NetworkError || named(err, 'NetworkError');
