import type { ErrorRequestHandler, RequestHandler } from 'express';
import { errors, isPalabreError, PalabreError } from '../../core/errors.js';

/** Maps any thrown value to the API's error shape; never leaks a stack trace. */
export function toPalabreError(err: unknown): PalabreError {
  if (isPalabreError(err)) return err as PalabreError;
  const e = err as { type?: string; status?: number; message?: string; name?: string };
  if (e?.type === 'entity.too.large') return errors.payloadTooLarge();
  if (e?.type === 'entity.parse.failed') return errors.invalidJson();
  if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported') {
    return errors.unsupportedMediaType();
  }
  const message = String(e?.message ?? '');
  if (message.startsWith('OOM')) return errors.storageFull();
  if (isRedisUnavailable(e, message)) return errors.storageUnavailable();
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return errors.badRequest(e.status);
  }
  return errors.internal(err);
}

// ioredis reports an unreachable server through several error kinds and messages; READONLY is a
// former primary, demoted by a failover, that this connection has not left yet
function isRedisUnavailable(e: { name?: string }, message: string): boolean {
  return (
    e?.name === 'MaxRetriesPerRequestError' ||
    /Connection is closed|Stream isn't writeable|Command timed out|ECONNREFUSED|ECONNRESET|LOADING|READONLY|enableOfflineQueue/i.test(
      message,
    )
  );
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const error = toPalabreError(err);
  // Redis down or full is the operator's to fix, not a bug: one warn line without a stack per request
  if (error.status === 503) req.log?.warn({ code: error.code, err: (err as Error)?.message }, 'request refused: storage');
  else if (error.status >= 500) req.log?.error({ err: error.cause ?? err, code: error.code }, 'request failed');
  else req.log?.info({ code: error.code }, 'request refused');
  if (error.retryAfter !== undefined) res.setHeader('Retry-After', String(error.retryAfter));
  if (res.headersSent) return;
  res.status(error.status).json(error.toJSON());
};

export const notFoundHandler: RequestHandler = (_req, _res, next) => next(errors.routeNotFound());
