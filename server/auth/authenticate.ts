import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { errors } from '../../core/errors.js';
import { assertScopeAllows, moderatorFromBearer } from './bearer-moderator.js';
import { getSite, siteIdForKey, type Site } from '../../core/sites/site-store.js';
import type { Caller, RouteAuth } from '../http/route-spec.js';
import type { ServerDeps } from '../server-deps.js';

export const safeEqual = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export const bearerToken = (req: Request): string | undefined => {
  const h = req.get('authorization');
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
};

/**
 * Checks the credentials a route asks for. Order matters for the status codes the API
 * promises: no or bad credentials 401, good credentials for another site or origin 403,
 * unknown site 404.
 */
export async function authenticate(
  deps: ServerDeps,
  auth: RouteAuth,
  req: Request,
  siteId: string | undefined,
): Promise<{ caller: Caller; site: Site | undefined }> {
  if (auth === 'none') return { caller: { kind: 'anonymous' }, site: undefined };
  if (auth === 'site') return authenticateSiteKey(deps, req, siteId);
  const token = bearerToken(req);
  if (!token) throw errors.unauthorized('Send Authorization: Bearer <token>.');
  const site = siteId ? await getSite(deps, siteId) : undefined;
  if (safeEqual(token, deps.config.ADMIN_TOKEN)) {
    if (siteId && !site) throw errors.siteNotFound();
    return { caller: { kind: 'admin' }, site: site ?? undefined };
  }
  if (auth === 'admin') throw errors.unauthorized('This route needs the admin token.');
  const bearer = await moderatorFromBearer(deps, token);
  if (!bearer) throw errors.unauthorized('Unknown, expired or revoked moderator token.');
  const { moderator } = bearer;
  if (!siteId || moderator.siteId !== siteId) throw errors.forbidden('This token is for another site.');
  if (!site) throw errors.siteNotFound();
  if (auth === 'siteAdmin' && moderator.role !== 'admin') {
    throw errors.forbidden('This action needs a site admin.');
  }
  // a read-only API token reads; anything that changes state needs `moderate` (site admin routes: `admin`)
  assertScopeAllows(bearer.scope, auth === 'siteAdmin' ? 'admin' : req.method === 'GET' ? 'read' : 'moderate');
  return { caller: { kind: 'moderator', moderator }, site };
}

async function authenticateSiteKey(
  deps: ServerDeps,
  req: Request,
  siteId: string | undefined,
): Promise<{ caller: Caller; site: Site | undefined }> {
  const key = req.get('x-site-key');
  if (!key) throw errors.unauthorized('Send the site public key in X-Site-Key.');
  const site = siteId ? await deps.sites.get(siteId) : null;
  if (!site || !safeEqual(key, site.publicKey)) {
    const owner = await siteIdForKey(deps, key);
    if (owner) throw errors.forbidden('This site key belongs to another site.');
    if (!site) throw errors.siteNotFound();
    throw errors.unauthorized('Wrong site key.');
  }
  assertOriginAllowed(site, req.get('origin'));
  return { caller: { kind: 'reader' }, site };
}

/** Browsers always send Origin on cross-site writes; a request without one is not a browser's. */
export function assertOriginAllowed(site: Site, origin: string | undefined): void {
  if (origin !== undefined && !site.origins.includes(origin)) throw errors.originNotAllowed(origin);
}
