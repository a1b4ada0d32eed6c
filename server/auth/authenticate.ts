import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { errors } from '../../core/errors.js';
import { moderatorFromBearer } from './bearer-moderator.js';
import { getSite, siteIdForKey, type Site } from '../../core/sites/site-store.js';
import type { Caller, RouteAuth } from '../http/route-spec.js';
import type { ServerDeps } from '../server-deps.js';

export const safeEqual = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** What a client presents, read from an HTTP request (credentialsOf) or a socket handshake (server/realtime/socket-auth.ts). */
export interface Credentials {
  /** `Authorization: Bearer <token>`, or a socket's `auth.token`: the admin token or a moderator token. */
  bearer: string | undefined;
  /** `X-Site-Key`, or a socket's `auth.siteKey`: a site's public key. */
  siteKey: string | undefined;
  /** The browser's Origin header; absent for a client that is not a browser. */
  origin: string | undefined;
}

/**
 * What a caller must be: a route's auth, or `anySiteModerator` for the moderation socket, which
 * names no site when it connects (each subscription and action checks its site).
 */
export type Auth = RouteAuth | 'anySiteModerator';

export const bearerToken = (req: Request): string | undefined => {
  const h = req.get('authorization');
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
};

export const credentialsOf = (req: Request): Credentials => ({
  bearer: bearerToken(req),
  siteKey: req.get('x-site-key'),
  origin: req.get('origin'),
});

/**
 * The one authentication of Palabre, for HTTP routes and sockets alike. Order matters for the
 * status codes the API promises: no or bad credentials 401, good credentials for another site
 * or origin 403, unknown site 404. Throws a PalabreError.
 */
export async function authenticate(
  deps: ServerDeps,
  auth: Auth,
  credentials: Credentials,
  siteId: string | undefined,
): Promise<{ caller: Caller; site: Site | undefined }> {
  if (auth === 'none') return { caller: { kind: 'anonymous' }, site: undefined };
  if (auth === 'site') return authenticateSiteKey(deps, credentials, siteId);
  const token = credentials.bearer;
  if (!token) throw errors.unauthorized('Send Authorization: Bearer <token>.');
  const site = siteId ? await getSite(deps, siteId) : undefined;
  if (safeEqual(token, deps.config.ADMIN_TOKEN)) {
    if (siteId && !site) throw errors.siteNotFound();
    return { caller: { kind: 'admin' }, site: site ?? undefined };
  }
  if (auth === 'admin') throw errors.unauthorized('This route needs the admin token.');
  // an API token, or the access token of a sign-in with the newsroom's OpenID provider
  const bearer = await moderatorFromBearer(deps, token);
  if (!bearer) throw errors.unauthorized('Unknown, expired or revoked moderator token.');
  const { moderator } = bearer;
  const caller: Caller = { kind: 'moderator', moderator, scope: bearer.scope, ...(bearer.sessionId ? { sessionId: bearer.sessionId } : {}) };
  if (auth === 'anySiteModerator') return { caller, site: undefined };
  if (!siteId || moderator.siteId !== siteId) throw errors.forbidden('This token is for another site.');
  if (!site) throw errors.siteNotFound();
  if (auth === 'siteAdmin' && moderator.role !== 'admin') {
    throw errors.forbidden('This action needs a site admin.');
  }
  return { caller, site };
}

/** A reader's site key, for the site of the route or, on a socket that names none, the site the key is for. */
async function authenticateSiteKey(
  deps: ServerDeps,
  { siteKey: key, origin }: Credentials,
  siteId: string | undefined,
): Promise<{ caller: Caller; site: Site | undefined }> {
  if (!key) throw errors.unauthorized('Send the site public key in X-Site-Key.');
  const site = siteId !== undefined ? await deps.sites.get(siteId) : await siteOfKey(deps, key);
  if (!site || !safeEqual(key, site.publicKey)) {
    if (siteId === undefined) throw errors.unauthorized('Unknown site key.');
    const owner = await siteIdForKey(deps, key);
    if (owner) throw errors.forbidden('This site key belongs to another site.');
    if (!site) throw errors.siteNotFound();
    throw errors.unauthorized('Wrong site key.');
  }
  assertOriginAllowed(site, origin);
  return { caller: { kind: 'reader' }, site };
}

// a fresh read: a socket connects once, and must see a key rotated a moment ago
async function siteOfKey(deps: ServerDeps, key: string): Promise<Site | null> {
  const id = await siteIdForKey(deps, key);
  return id ? getSite(deps, id) : null;
}

/** Browsers always send Origin on cross-site writes; a request without one is not a browser's. */
export function assertOriginAllowed(site: Site, origin: string | undefined): void {
  if (origin !== undefined && !site.origins.includes(origin)) throw errors.originNotAllowed(origin);
}
