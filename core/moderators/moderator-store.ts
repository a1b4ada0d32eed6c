import type { CoreDeps } from '../deps.js';
import { errors } from '../errors.js';
import type { TokenSigner } from './token-signer.js';

export type { TokenSigner } from './token-signer.js';
export { tokenSigner } from './token-signer.js';

export type ModeratorRole = 'moderator' | 'admin';

/**
 * What an API token may do: `read-only` reads queues, comments and statistics; `moderate` also
 * decides, claims, bans; `admin` also changes the site and its moderators.
 */
export type ApiScope = 'read-only' | 'moderate' | 'admin';
export const API_SCOPES: readonly ApiScope[] = ['read-only', 'moderate', 'admin'];

export interface Moderator {
  id: string;
  siteId: string;
  name: string;
  role: ModeratorRole;
  createdAt: string;
  /** An API token's scope; tokens made before scopes existed have none and act by their role. */
  scope?: ApiScope;
  /** When the API token stops working, if it was given an expiry. */
  expiresAt?: string;
  /** `oidc`: a member of the newsroom's staff, signed in with its OpenID provider. */
  source?: 'oidc';
  email?: string;
}

/** Audience of an API token (a token an admin made; it names its site and moderator). */
export const API_TOKEN_AUDIENCE = 'palabre:moderator';

/** What a moderator may do: the API token's scope, else what its role allows. */
export const scopeOf = (m: Moderator): ApiScope => m.scope ?? (m.role === 'admin' ? 'admin' : 'moderate');

export async function createModerator(
  deps: CoreDeps,
  signer: TokenSigner,
  input: { siteId: string; name: string; role: ModeratorRole; scope?: ApiScope; expiresAt?: number },
): Promise<{ moderator: Moderator; token: string }> {
  // whole seconds, as in the token's `exp`, so the record and the token say the same time
  const expiresAt = input.expiresAt === undefined ? undefined : Math.floor(input.expiresAt / 1000) * 1000;
  const moderator: Moderator = {
    id: deps.newId(),
    siteId: input.siteId,
    name: input.name,
    role: input.role,
    createdAt: new Date(deps.now()).toISOString(),
    ...(input.scope ? { scope: input.scope } : {}),
    ...(expiresAt !== undefined ? { expiresAt: new Date(expiresAt).toISOString() } : {}),
  };
  await saveModerator(deps, moderator);
  const token = await signer.sign(
    { sid: input.siteId, ...(input.scope ? { scp: input.scope } : {}) },
    { subject: moderator.id, audience: API_TOKEN_AUDIENCE, issuedAt: deps.now(), ...(expiresAt !== undefined ? { expiresAt } : {}) },
  );
  return { moderator, token };
}

/** Writes a moderator record as it is (sign-in with OpenID Connect keeps name and role current). */
export async function saveModerator(deps: CoreDeps, moderator: Moderator): Promise<void> {
  await deps.redis.hset(deps.keys.moderators(moderator.siteId), moderator.id, JSON.stringify(moderator));
}

export async function getModerator(
  deps: CoreDeps,
  siteId: string,
  moderatorId: string,
): Promise<Moderator | null> {
  const json = await deps.redis.hget(deps.keys.moderators(siteId), moderatorId);
  return json ? (JSON.parse(json) as Moderator) : null;
}

export async function listModerators(deps: CoreDeps, siteId: string): Promise<Moderator[]> {
  const all = await deps.redis.hvals(deps.keys.moderators(siteId));
  return all.map((j) => JSON.parse(j) as Moderator);
}

/** Deletes the moderator; their token fails on its next use because the record is gone. */
export async function deleteModerator(deps: CoreDeps, siteId: string, moderatorId: string): Promise<void> {
  const removed = await deps.redis.hdel(deps.keys.moderators(siteId), moderatorId);
  if (removed === 0) throw errors.moderatorNotFound();
}

/** Resolves an API token to a live moderator, or null when it is forged, malformed, expired or revoked. */
export async function moderatorFromToken(
  deps: CoreDeps,
  signer: TokenSigner,
  token: string,
): Promise<Moderator | null> {
  const payload = await signer.verify(token, API_TOKEN_AUDIENCE);
  if (typeof payload?.sid !== 'string' || !payload.sub) return null;
  return getModerator(deps, payload.sid, payload.sub);
}
