import { SignJWT, jwtVerify, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import type { JwtKey } from '../jwt-keys.js';

const ISSUER = 'palabre';
const encode = (secret: string) => new TextEncoder().encode(secret);

/**
 * Signs and verifies Palabre's own tokens (API tokens, sign-in access tokens) with a key ring.
 * With JWT_KEYS, the first key signs and puts its `kid` in the header, and every listed key
 * verifies the tokens that name it: a new key is added first, old tokens keep working until the
 * old key is removed. Tokens without a `kid` (signed before key ids, or with JWT_SECRET alone)
 * verify with JWT_SECRET, as they always did.
 */
export interface TokenSigner {
  /** A signed token for `subject`, for `audience`; expires at `expiresAt` (ms) when given. */
  sign(claims: Record<string, unknown>, opts: { subject: string; audience: string; issuedAt: number; expiresAt?: number }): Promise<string>;
  /** The payload of a valid token for `audience`, or null (forged, expired, unknown key, malformed). */
  verify(token: string, audience: string): Promise<JWTPayload | null>;
}

export function tokenSigner(keys: { jwtSecret: string | undefined; jwtKeys: readonly JwtKey[] }): TokenSigner {
  const byKid = new Map(keys.jwtKeys.map((k) => [k.kid, encode(k.secret)]));
  const signing = keys.jwtKeys[0];
  const legacy = keys.jwtSecret ? encode(keys.jwtSecret) : undefined;
  const keyFor = (header: ProtectedHeaderParameters): Uint8Array => {
    const key = header.kid === undefined ? legacy : byKid.get(header.kid);
    if (!key) throw new Error('unknown key');
    return key;
  };
  return {
    async sign(claims, opts) {
      const jwt = new SignJWT(claims)
        .setProtectedHeader(signing ? { alg: 'HS256', kid: signing.kid } : { alg: 'HS256' })
        .setSubject(opts.subject)
        .setAudience(opts.audience)
        .setIssuer(ISSUER)
        .setIssuedAt(Math.floor(opts.issuedAt / 1000));
      if (opts.expiresAt !== undefined) jwt.setExpirationTime(Math.floor(opts.expiresAt / 1000));
      return jwt.sign(signing ? encode(signing.secret) : legacy!);
    },
    async verify(token, audience) {
      try {
        const { payload } = await jwtVerify(token, keyFor, { algorithms: ['HS256'], audience, issuer: ISSUER });
        return payload;
      } catch {
        return null;
      }
    },
  };
}
