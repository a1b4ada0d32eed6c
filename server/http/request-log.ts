import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../../core/logger.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** Logger bound to this request's id, method and url (made on first use). */
    log: Logger;
    id: string;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Query parameters whose values are credentials (OpenID Connect's code and state among them). */
const SECRET_PARAM = /token|secret|key|code|state|password|pass|auth|sig|session|ticket|nonce|jwt/i;
const LOOKS_SECRET = /^eyJ|^[A-Za-z0-9_-]{40,}$/; // a JWT, or a long opaque string

/**
 * The request URL as it may be logged: query values that are, or look like, credentials are
 * replaced, so a token a client put in the URL (or an OpenID code) never reaches the logs.
 */
export function loggableUrl(originalUrl: string): string {
  const q = originalUrl.indexOf('?');
  if (q < 0) return originalUrl;
  const params = new URLSearchParams(originalUrl.slice(q + 1));
  for (const [name, value] of [...params]) {
    if (SECRET_PARAM.test(name) || LOOKS_SECRET.test(value)) params.set(name, '[redacted]');
  }
  return `${originalUrl.slice(0, q)}?${params.toString().replaceAll('%5Bredacted%5D', '[redacted]')}`;
}

/**
 * A request id (the client's X-Request-Id when sane, else a UUID) echoed in the response, and
 * one JSON line per request when it finishes: method, url, status, time; never a body. The
 * child logger is only made when something is logged: one per request cost more than the
 * request itself on a busy server.
 */
export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', id);
    req.id = id;
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', {
      get: () => (child ??= log.child({ req: { id, method: req.method, url: loggableUrl(req.originalUrl) } })),
      configurable: true,
    });
    if (log.isLevelEnabled('info')) {
      const started = performance.now();
      res.once('finish', () => {
        log.info(
          { req: { id, method: req.method, url: loggableUrl(req.originalUrl) }, res: { statusCode: res.statusCode }, responseTime: Math.round(performance.now() - started) },
          'request completed',
        );
      });
    }
    next();
  };
}
