import { SignJWT } from 'jose';
import type { TestSite } from './fixtures.js';

/** A reader's SSO token as the site would sign it (HS256, `aud` = site id, one hour). */
export function readerSsoToken(site: Pick<TestSite, 'id' | 'ssoSecret'>, claims: { sub: string; name?: string; email?: string; staff?: unknown }): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(site.id)
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(site.ssoSecret));
}
