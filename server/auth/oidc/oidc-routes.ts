import { Router, type Request } from 'express';
import { z } from 'zod';
import { errors } from '../../../core/errors.js';
import {
  createStaffSession,
  endStaffSession,
  refreshCookieValue,
  updateStaffSession,
  useRefreshSecret,
  type StaffSession,
} from '../../../core/sessions/staff-session.js';
import { idSchema } from '../../../protocol/id-schemas.js';
import { errorBodySchema as errorResponseSchema } from '../../../protocol/error-schemas.js';
import { defineRoute, type RouteSpec } from '../../http/route-spec.js';
import type { ExtraPath } from '../../openapi/openapi-document.js';
import type { ServerDeps } from '../../server-deps.js';
import type { PendingLogin } from './oidc-client.js';
import { currentMemberships, grantStaffAccess, sessionAccessToken } from './staff-access.js';

/** The cookie that carries a sign-in's refresh secret: HttpOnly, sent only to the session routes. */
export const SESSION_COOKIE = 'palabre_staff';
const COOKIE_PATH = '/api/v1/auth/session';
const LOGIN_TTL_SECONDS = 600;
/** Where the console lives; sign-in errors come back to it as `#signin-error=<code>`. */
const CONSOLE_PATH = '/moderate';

const sessionExpired = errors.sessionExpired;
const oidcDisabled = errors.oidcDisabled;

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

function sessionCookie(deps: ServerDeps, value: string, maxAgeSeconds: number): string {
  const secure = new URL(deps.config.OIDC_REDIRECT_URI ?? 'http://localhost').protocol === 'https:';
  return `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=${COOKIE_PATH}; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** The session routes are called by the console only, from Palabre's own origin. */
function assertOwnOrigin(deps: ServerDeps, req: Request): void {
  const origin = req.get('origin');
  const own = deps.config.OIDC_REDIRECT_URI ? new URL(deps.config.OIDC_REDIRECT_URI).origin : undefined;
  if (origin !== undefined && origin !== own) throw errors.originNotAllowed(origin);
}

const consoleWithError = (code: string) => `${CONSOLE_PATH}#signin-error=${code}`;

/** GET /auth/oidc/login and /auth/oidc/callback: the browser's round trip through the provider. */
export function oidcRouter(deps: ServerDeps): Router {
  const router = Router();
  router.get('/auth/oidc/login', async (req, res) => {
    if (!deps.oidc) throw oidcDisabled();
    const { url, pending } = await deps.oidc.startLogin();
    const site = typeof req.query.site === 'string' && idSchema.safeParse(req.query.site).success ? req.query.site : undefined;
    await deps.redis.set(deps.keys.oidcLogin(pending.state), JSON.stringify({ ...pending, site }), 'EX', LOGIN_TTL_SECONDS);
    res.redirect(302, url.href);
  });
  router.get('/auth/oidc/callback', async (req, res) => {
    if (!deps.oidc) throw oidcDisabled();
    const state = typeof req.query.state === 'string' ? req.query.state : '';
    const saved = state ? await deps.redis.getdel(deps.keys.oidcLogin(state)) : null;
    if (!saved) return res.redirect(302, consoleWithError('login_expired'));
    if (typeof req.query.error === 'string') return res.redirect(302, consoleWithError('provider_refused'));
    const pending = JSON.parse(saved) as PendingLogin & { site?: string };
    const callbackUrl = new URL(req.originalUrl, deps.config.OIDC_REDIRECT_URI);
    let result: Awaited<ReturnType<NonNullable<ServerDeps['oidc']>['finishLogin']>>;
    try {
      result = await deps.oidc.finishLogin(callbackUrl, pending);
    } catch (err) {
      req.log.warn({ err: (err as Error).message }, 'OpenID sign-in refused');
      return res.redirect(302, consoleWithError('provider_refused'));
    }
    const { identity, refreshToken } = result;
    const memberships = await grantStaffAccess(deps, identity);
    if (memberships.length === 0) {
      req.log.info({ issuer: identity.issuer }, 'OpenID sign-in matches no site');
      return res.redirect(302, consoleWithError('no_site_access'));
    }
    const { session, refreshSecret } = await createStaffSession(deps, {
      issuer: identity.issuer,
      subject: identity.subject,
      name: identity.name,
      ...(identity.email ? { email: identity.email } : {}),
      claims: { emailVerified: identity.emailVerified, groups: identity.groups, ...(identity.email ? { email: identity.email } : {}) },
      memberships,
      ...(refreshToken ? { providerRefreshToken: refreshToken } : {}),
      expiresAt: deps.now() + deps.config.SESSION_MAX_SECONDS * 1000,
    });
    res.setHeader('Set-Cookie', sessionCookie(deps, refreshCookieValue(session, refreshSecret), deps.config.SESSION_MAX_SECONDS));
    res.redirect(302, pending.site ? `${CONSOLE_PATH}?site=${pending.site}` : CONSOLE_PATH);
  });
  return router;
}

export const oidcPaths: ExtraPath[] = [
  {
    path: '/auth/oidc/login',
    method: 'get',
    operationId: 'oidcLogin',
    summary: "Sign a moderator in with the newsroom's OpenID provider: redirects there (`?site=<id>` opens that site after).",
    responses: { 302: { description: 'To the provider.' }, 404: { description: 'Not configured (`oidc_disabled`).' } },
  },
  {
    path: '/auth/oidc/callback',
    method: 'get',
    operationId: 'oidcCallback',
    summary:
      'Where the provider sends the moderator back (OIDC_REDIRECT_URI). Sets the session cookie and redirects to /moderate; ' +
      'on failure to /moderate#signin-error=<login_expired|provider_refused|no_site_access>.',
    responses: { 302: { description: 'To the console.' } },
  },
];

const sessionBody = z.object({ siteId: idSchema.optional() }).strict();
const sessionSchema = z
  .object({
    accessToken: z.string().meta({ description: 'Bearer token for the API and the /moderation socket of `siteId`; short-lived.' }),
    expiresAt: z.string(),
    siteId: z.string(),
    moderator: z.object({ id: z.string(), name: z.string(), role: z.enum(['moderator', 'admin']) }),
    sites: z.array(z.object({ siteId: z.string(), name: z.string(), role: z.enum(['moderator', 'admin']) })),
  })
  .meta({ id: 'StaffSession' });

/** Asks the provider again when it gave a refresh token: a user disabled there is signed out here. */
async function confirmWithProvider(deps: ServerDeps, session: StaffSession): Promise<StaffSession> {
  if (!session.providerRefreshToken || !deps.oidc) return session;
  try {
    const { refreshToken } = await deps.oidc.refresh(session.providerRefreshToken);
    return refreshToken ? { ...session, providerRefreshToken: refreshToken } : session;
  } catch {
    await endStaffSession(deps, session.id);
    throw sessionExpired('the OpenID provider no longer accepts this sign-in.');
  }
}

export const sessionRoutes: RouteSpec[] = [
  defineRoute({
    method: 'post',
    path: '/auth/session/refresh',
    operationId: 'refreshSession',
    summary:
      'A fresh access token for a signed-in moderator (the console calls it before the last one expires), for `siteId` or their first site. ' +
      'Uses the HttpOnly session cookie, which it replaces.',
    tags: ['sign-in'],
    auth: 'none',
    body: sessionBody,
    responses: {
      200: { description: 'A new access token and the sites of the sign-in.', schema: sessionSchema },
      401: { description: 'No sign-in, signed out, expired, or refused by the provider (`session_expired`).', schema: errorResponseSchema },
      403: { description: 'No access to `siteId` (`no_site_access`), or another origin (`origin_not_allowed`).', schema: errorResponseSchema },
      404: { description: 'Sign-in with OpenID Connect is not configured (`oidc_disabled`).', schema: errorResponseSchema },
    },
    handler: async ({ deps, req, body }) => {
      if (!deps.oidc) throw oidcDisabled();
      assertOwnOrigin(deps, req);
      const cookie = readCookie(req, SESSION_COOKIE);
      const used = cookie ? await useRefreshSecret(deps, cookie) : null;
      if (!used) throw sessionExpired();
      let session = await confirmWithProvider(deps, used.session);
      const memberships = await currentMemberships(deps, session);
      if (memberships.length === 0) {
        await endStaffSession(deps, session.id);
        throw errors.noSiteAccess('This sign-in no longer gives access to any site.');
      }
      session = { ...session, memberships };
      await updateStaffSession(deps, session);
      const membership = body.siteId ? memberships.find((m) => m.siteId === body.siteId) : memberships[0];
      if (!membership) throw errors.noSiteAccess();
      const { token, expiresAt } = await sessionAccessToken(deps, session, membership);
      return {
        status: 200,
        headers: { 'Set-Cookie': sessionCookie(deps, refreshCookieValue(session, used.refreshSecret), (session.expiresAt - deps.now()) / 1000), 'Cache-Control': 'no-store' },
        body: {
          accessToken: token,
          expiresAt: new Date(expiresAt).toISOString(),
          siteId: membership.siteId,
          moderator: { id: membership.moderatorId, name: session.name, role: membership.role },
          sites: memberships.map((m) => ({ siteId: m.siteId, name: m.siteName, role: m.role })),
        },
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/session/sign-out',
    operationId: 'signOut',
    summary: "Ends the moderator's sign-in: its access tokens stop working and its sockets close.",
    tags: ['sign-in'],
    auth: 'none',
    responses: {
      204: { description: 'Signed out (also when there was nothing to end).' },
      403: { description: 'Another origin (`origin_not_allowed`).', schema: errorResponseSchema },
    },
    handler: async ({ deps, req }) => {
      assertOwnOrigin(deps, req);
      const cookie = readCookie(req, SESSION_COOKIE);
      const sessionId = cookie?.slice(0, Math.max(0, cookie.indexOf('.')));
      if (sessionId) {
        await endStaffSession(deps, sessionId);
        deps.staffSessionEnded?.(sessionId);
      }
      return { status: 204, body: null, headers: { 'Set-Cookie': sessionCookie(deps, '', 0) } };
    },
  }),
];
