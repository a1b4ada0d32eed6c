import { errors } from '../../core/errors.js';
import { getModerator, moderatorFromToken, scopeOf, type ApiScope, type Moderator } from '../../core/moderators/moderator-store.js';
import { staffSessionAlive } from '../../core/sessions/staff-session.js';
import type { ServerDeps } from '../server-deps.js';
import { SESSION_TOKEN_AUDIENCE } from './oidc/staff-access.js';

/** A moderator behind a bearer token: an API token, or the access token of a sign-in (with its session). */
export interface BearerModerator {
  moderator: Moderator;
  scope: ApiScope;
  /** Set for a sign-in with OpenID Connect: ending the session ends the token. */
  sessionId?: string;
}

/**
 * Resolves a moderator bearer token, or null when it is forged, malformed, expired or revoked.
 * Both kinds are checked against Redis on every use: a deleted moderator or an ended sign-in
 * stops working at once.
 */
export async function moderatorFromBearer(deps: ServerDeps, token: string): Promise<BearerModerator | null> {
  const apiModerator = await moderatorFromToken(deps, deps.signer, token);
  if (apiModerator) return { moderator: apiModerator, scope: scopeOf(apiModerator) };
  const payload = await deps.signer.verify(token, SESSION_TOKEN_AUDIENCE);
  if (typeof payload?.sid !== 'string' || typeof payload.ses !== 'string' || !payload.sub) return null;
  const [alive, moderator] = await Promise.all([staffSessionAlive(deps, payload.ses), getModerator(deps, payload.sid, payload.sub)]);
  if (!alive || !moderator) return null;
  return { moderator, scope: scopeOf(moderator), sessionId: payload.ses };
}

/** What a scope allows: `read-only` only reads; `moderate` acts; `admin` also changes the site. */
export function assertScopeAllows(scope: ApiScope, need: 'read' | 'moderate' | 'admin'): void {
  const rank: Record<ApiScope, number> = { 'read-only': 0, moderate: 1, admin: 2 };
  const needed: Record<typeof need, number> = { read: 0, moderate: 1, admin: 2 };
  if (rank[scope] < needed[need]) throw errors.insufficientScope(scope);
}
