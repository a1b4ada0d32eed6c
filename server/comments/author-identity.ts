import type { Request } from 'express';
import { jwtVerify } from 'jose';
import { digest } from '../../core/ids.js';
import { errors } from '../../core/errors.js';
import { ssoSecretsOf, type Site } from '../../core/sites/site-store.js';
import { deviceIdSchema } from './comment-schemas.js';

/** Who is writing: a signed-in reader of the site (SSO) or an anonymous one. */
export interface AuthorIdentity {
  id: string;
  kind: 'sso' | 'anonymous';
  /** From the SSO token; anonymous readers choose theirs per comment. */
  name?: string;
  email?: string;
}

/** Header carrying the site's single sign-on JWT for the reader. */
export const SSO_HEADER = 'x-sso-token';


/**
 * The reader behind a request. An SSO token (HS256, signed with the site's ssoSecret, `aud`
 * = the site id, `exp` required) gives a stable identity; otherwise the SDK's device id, or
 * failing that the client address, tells anonymous readers apart. Only digests are stored.
 */
export async function resolveAuthor(site: Site, req: Request): Promise<AuthorIdentity> {
  const token = req.get(SSO_HEADER);
  if (token !== undefined) return ssoAuthor(site, token);
  const device = req.get('x-device-id');
  if (device !== undefined) {
    if (!deviceIdSchema.safeParse(device).success) {
      throw errors.validation([{ in: 'header', path: 'X-Device-Id', message: 'must be 8-128 URL-safe characters' }]);
    }
    return { id: `a_${digest(site.id, 'device', device)}`, kind: 'anonymous' };
  }
  return { id: `a_${digest(site.id, 'ip', req.ip ?? 'unknown')}`, kind: 'anonymous' };
}

/** Verifies with the current secret, then the previous one while a rotation's grace period lasts. */
async function verifySso(site: Site, token: string): Promise<Record<string, unknown>> {
  let lastError: unknown;
  for (const secret of ssoSecretsOf(site, Date.now())) {
    try {
      const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
        algorithms: ['HS256'],
        audience: site.id,
        requiredClaims: ['exp', 'sub'],
      });
      return payload;
    } catch (err) {
      lastError = err;
      if ((err as { code?: string }).code !== 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') break; // only a signature makes the next secret worth trying
    }
  }
  throw errors.invalidSsoToken((lastError as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : 'bad signature, algorithm, audience or claims');
}

async function ssoAuthor(site: Site, token: string): Promise<AuthorIdentity> {
  if (token.length > 4096) throw errors.invalidSsoToken('too long');
  const payload = await verifySso(site, token);
  const sub = payload.sub;
  const name = payload.name;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) throw errors.invalidSsoToken('sub must be a string');
  if (name !== undefined && (typeof name !== 'string' || name.trim().length === 0 || name.length > 80)) {
    throw errors.invalidSsoToken('name must be 1-80 characters');
  }
  const email = typeof payload.email === 'string' && payload.email.length <= 320 ? payload.email : undefined;
  return {
    id: `u_${digest(site.id, 'sso', sub)}`,
    kind: 'sso',
    ...(typeof name === 'string' ? { name: name.trim() } : {}),
    ...(email ? { email } : {}),
  };
}
