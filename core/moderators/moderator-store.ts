import { SignJWT, jwtVerify } from 'jose';
import type { CoreDeps } from '../deps.js';
import { errors } from '../errors.js';

export type ModeratorRole = 'moderator' | 'admin';

export interface Moderator {
  id: string;
  siteId: string;
  name: string;
  role: ModeratorRole;
  createdAt: string;
}

const AUDIENCE = 'palabre:moderator';
const ISSUER = 'palabre';

/** Signs and verifies moderator tokens; the signature keeps garbage tokens away from Redis. */
export interface TokenSigner {
  readonly secret: Uint8Array;
}

export const tokenSigner = (jwtSecret: string): TokenSigner => ({
  secret: new TextEncoder().encode(jwtSecret),
});

export async function createModerator(
  deps: CoreDeps,
  signer: TokenSigner,
  input: { siteId: string; name: string; role: ModeratorRole },
): Promise<{ moderator: Moderator; token: string }> {
  const moderator: Moderator = {
    id: deps.newId(),
    siteId: input.siteId,
    name: input.name,
    role: input.role,
    createdAt: new Date(deps.now()).toISOString(),
  };
  await deps.redis.hset(deps.keys.moderators(input.siteId), moderator.id, JSON.stringify(moderator));
  const token = await new SignJWT({ sid: input.siteId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(moderator.id)
    .setAudience(AUDIENCE)
    .setIssuer(ISSUER)
    .setIssuedAt(Math.floor(deps.now() / 1000))
    .sign(signer.secret);
  return { moderator, token };
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

/** Resolves a bearer token to a live moderator, or null when it is forged, malformed or revoked. */
export async function moderatorFromToken(
  deps: CoreDeps,
  signer: TokenSigner,
  token: string,
): Promise<Moderator | null> {
  let siteId: unknown;
  let moderatorId: string | undefined;
  try {
    const { payload } = await jwtVerify(token, signer.secret, {
      algorithms: ['HS256'],
      audience: AUDIENCE,
      issuer: ISSUER,
    });
    siteId = payload.sid;
    moderatorId = payload.sub;
  } catch {
    return null;
  }
  if (typeof siteId !== 'string' || !moderatorId) return null;
  return getModerator(deps, siteId, moderatorId);
}
