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
      get: () => (child ??= log.child({ req: { id, method: req.method, url: req.originalUrl } })),
      configurable: true,
    });
    if (log.isLevelEnabled('info')) {
      const started = performance.now();
      res.once('finish', () => {
        log.info(
          { req: { id, method: req.method, url: req.originalUrl }, res: { statusCode: res.statusCode }, responseTime: Math.round(performance.now() - started) },
          'request completed',
        );
      });
    }
    next();
  };
}
