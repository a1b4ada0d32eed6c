import cors from 'cors';
import type { RequestHandler } from 'express';
import { getSite } from '../../core/sites/site-store.js';
import type { ServerDeps } from '../server-deps.js';

const SITE_PATH = /^\/api\/v1\/sites\/([0-9A-HJKMNP-TV-Z]{26})\//;

/**
 * CORS for the routes of one site: a browser origin gets access only when the site lists it.
 * The actual origin check on writes happens in authentication; this only answers browsers.
 */
export function siteCors(deps: ServerDeps): RequestHandler {
  return cors((req, callback) => {
    const siteId = SITE_PATH.exec((req as { originalUrl?: string }).originalUrl ?? req.url ?? '')?.[1];
    const origin = req.headers.origin;
    if (!siteId || !origin) return callback(null, { origin: false });
    getSite(deps, siteId).then(
      (site) =>
        callback(null, {
          origin: site?.origins.includes(origin) ? origin : false,
          allowedHeaders: ['Content-Type', 'X-Site-Key', 'Idempotency-Key', 'X-Device-Id', 'X-SSO-Token', 'Authorization'],
          exposedHeaders: ['Retry-After', 'X-Request-Id'],
          methods: ['GET', 'POST', 'PATCH', 'DELETE'],
          maxAge: 600,
        }),
      () => callback(null, { origin: false }),
    );
  });
}
