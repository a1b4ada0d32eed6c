import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CoreDeps } from '../deps.js';
import type { StaffClaims } from '../sites/staff-sign-in.js';

/** A site a signed-in staff member moderates, with the moderator identity they have there. */
export interface Membership {
  siteId: string;
  siteName: string;
  moderatorId: string;
  role: 'moderator' | 'admin';
}

/**
 * A moderator's sign-in with the newsroom's OpenID provider. Access tokens are short-lived
 * JWTs naming this session; the refresh secret lives in an HttpOnly cookie and changes at
 * every refresh. Deleting the record signs the person out everywhere at once.
 */
export interface StaffSession {
  id: string;
  issuer: string;
  subject: string;
  name: string;
  email?: string;
  /** What the provider said at sign-in, against which the sites' rules are checked again at each refresh. */
  claims: StaffClaims;
  memberships: Membership[];
  /** SHA-256 of the current refresh secret. */
  refreshHash: string;
  /** The secret before, still good for REFRESH_OVERLAP_MS after it was replaced: two tabs may refresh at once. */
  previousRefreshHash?: string;
  rotatedAt?: number;
  /** The provider's refresh token, when it gave one: each refresh asks the provider too. */
  providerRefreshToken?: string;
  createdAt: number;
  /** The sign-in ends here whatever happens (SESSION_MAX_SECONDS). */
  expiresAt: number;
}

const hash = (secret: string) => createHash('sha256').update(secret).digest('base64url');
const REFRESH_OVERLAP_MS = 30_000;

const sameHash = (a: string, b: string | undefined) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b ?? '');
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The cookie value that refreshes a session: `<session id>.<secret>`. */
export const refreshCookieValue = (session: Pick<StaffSession, 'id'>, secret: string): string => `${session.id}.${secret}`;

export async function createStaffSession(
  deps: CoreDeps,
  input: Omit<StaffSession, 'id' | 'refreshHash' | 'createdAt'>,
): Promise<{ session: StaffSession; refreshSecret: string }> {
  const refreshSecret = randomBytes(32).toString('base64url');
  const session: StaffSession = { ...input, id: deps.newId(), refreshHash: hash(refreshSecret), createdAt: deps.now() };
  await save(deps, session);
  return { session, refreshSecret };
}

export async function getStaffSession(deps: CoreDeps, sessionId: string): Promise<StaffSession | null> {
  const json = await deps.redis.get(deps.keys.staffSession(sessionId));
  return json ? (JSON.parse(json) as StaffSession) : null;
}

/** True while the session exists (not signed out, not past its maximum age). */
export async function staffSessionAlive(deps: CoreDeps, sessionId: string): Promise<boolean> {
  return (await deps.redis.exists(deps.keys.staffSession(sessionId))) === 1;
}

/**
 * Checks a refresh cookie and gives the session a new refresh secret. A secret that does not
 * match (stolen and already used, or forged) ends the session: the rightful owner signs in again.
 */
export async function useRefreshSecret(
  deps: CoreDeps,
  cookie: string,
): Promise<{ session: StaffSession; refreshSecret: string } | null> {
  const dot = cookie.indexOf('.');
  const [sessionId, secret] = dot > 0 ? [cookie.slice(0, dot), cookie.slice(dot + 1)] : ['', ''];
  if (!/^[0-9A-HJKMNP-TV-Z]{26}$/.test(sessionId) || !secret) return null;
  const session = await getStaffSession(deps, sessionId);
  if (!session) return null;
  const presented = hash(secret);
  const current = sameHash(presented, session.refreshHash);
  const overlapping = sameHash(presented, session.previousRefreshHash) && deps.now() - (session.rotatedAt ?? 0) < REFRESH_OVERLAP_MS;
  if (!current && !overlapping) {
    await endStaffSession(deps, session.id);
    return null;
  }
  const refreshSecret = randomBytes(32).toString('base64url');
  const next = { ...session, refreshHash: hash(refreshSecret), previousRefreshHash: session.refreshHash, rotatedAt: deps.now() };
  await save(deps, next);
  return { session: next, refreshSecret };
}

export async function updateStaffSession(deps: CoreDeps, session: StaffSession): Promise<void> {
  await save(deps, session);
}

export async function endStaffSession(deps: CoreDeps, sessionId: string): Promise<void> {
  await deps.redis.del(deps.keys.staffSession(sessionId));
}

async function save(deps: CoreDeps, session: StaffSession): Promise<void> {
  const ttlMs = session.expiresAt - deps.now();
  if (ttlMs <= 0) {
    await endStaffSession(deps, session.id);
    return;
  }
  await deps.redis.set(deps.keys.staffSession(session.id), JSON.stringify(session), 'PX', ttlMs);
}
