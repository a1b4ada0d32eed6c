import { digest } from '../../../core/ids.js';
import { getModerator, saveModerator, type Moderator } from '../../../core/moderators/moderator-store.js';
import type { Membership, StaffSession } from '../../../core/sessions/staff-session.js';
import { getSite, listSiteIds } from '../../../core/sites/site-store.js';
import { staffRoleOn } from '../../../core/sites/staff-sign-in.js';
import type { ServerDeps } from '../../server-deps.js';
import type { StaffIdentity } from './oidc-client.js';

/** Audience of the access tokens of a sign-in with OpenID Connect (they name their session). */
export const SESSION_TOKEN_AUDIENCE = 'palabre:session';

/**
 * The sites this person moderates, by each site's sign-in rules, with a moderator record on
 * each: created at their first sign-in, its name and role kept current at every sign-in. The
 * same person always has the same moderator id on a site (audit, statistics, revocation).
 */
export async function grantStaffAccess(deps: ServerDeps, identity: StaffIdentity): Promise<Membership[]> {
  const memberships: Membership[] = [];
  const who = digest(identity.issuer, identity.subject);
  for (const siteId of await listSiteIds(deps)) {
    const site = await getSite(deps, siteId);
    const role = site ? staffRoleOn(site.staffSignIn, identity) : null;
    if (!site || !role) continue;
    const known = await deps.redis.hget(deps.keys.staffIdentities(siteId), who);
    const existing = known ? await getModerator(deps, siteId, known) : null;
    const moderator: Moderator = {
      id: existing?.id ?? known ?? deps.newId(),
      siteId,
      name: identity.name,
      role,
      createdAt: existing?.createdAt ?? new Date(deps.now()).toISOString(),
      source: 'oidc',
      ...(identity.email ? { email: identity.email } : {}),
    };
    if (!known) await deps.redis.hset(deps.keys.staffIdentities(siteId), who, moderator.id);
    await saveModerator(deps, moderator);
    memberships.push({ siteId, siteName: site.name, moderatorId: moderator.id, role });
  }
  return memberships;
}

/**
 * The memberships a session still has: its moderator record still exists (a site admin did not
 * revoke it) and the site's rules still match what the provider said at sign-in. Nothing is
 * granted here: a revoked moderator gets a site back only by signing in again at the provider.
 */
export async function currentMemberships(deps: ServerDeps, session: StaffSession): Promise<Membership[]> {
  const kept: Membership[] = [];
  for (const m of session.memberships) {
    const [site, moderator] = await Promise.all([deps.sites.get(m.siteId), getModerator(deps, m.siteId, m.moderatorId)]);
    const role = site ? staffRoleOn(site.staffSignIn, session.claims) : null;
    if (!site || !moderator || !role) continue;
    // a rule changed the role since: the record follows, so every check sees the new role
    if (moderator.role !== role) await saveModerator(deps, { ...moderator, role });
    kept.push({ ...m, siteName: site.name, role });
  }
  return kept;
}

/** A short-lived access token for one membership of a session. */
export function sessionAccessToken(deps: ServerDeps, session: StaffSession, membership: Membership): Promise<{ token: string; expiresAt: number }> {
  const expiresAt = Math.min(deps.now() + deps.config.SESSION_TTL_SECONDS * 1000, session.expiresAt);
  return deps.signer
    .sign({ sid: membership.siteId, ses: session.id }, { subject: membership.moderatorId, audience: SESSION_TOKEN_AUDIENCE, issuedAt: deps.now(), expiresAt })
    .then((token) => ({ token, expiresAt }));
}
