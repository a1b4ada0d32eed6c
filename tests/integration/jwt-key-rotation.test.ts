import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TOKEN_AUDIENCE, tokenSigner } from '../../core/moderators/moderator-store.js';
import { createTestSite, type TestSite } from '../support/fixtures.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

const LEGACY_SECRET = 'legacy-jwt-secret-0123456789-0123456789';
const OLD_KEY = { kid: '2026-06', secret: 'old-signing-key-0123456789-0123456789-ab' };
const NEW_KEY = { kid: '2026-12', secret: 'new-signing-key-0123456789-0123456789-cd' };

let server: TestServer;
let site: TestSite;
beforeAll(async () => {
  // mid-rotation: the new key signs, the old one and JWT_SECRET still verify
  server = await startTestServer({ JWT_SECRET: LEGACY_SECRET, JWT_KEYS: `${NEW_KEY.kid}:${NEW_KEY.secret}\n${OLD_KEY.kid}:${OLD_KEY.secret}` });
  site = await createTestSite(server);
});
afterAll(() => server.close());

/** A token for the site's moderator as an earlier configuration would have signed it. */
const tokenSignedBy = (keys: Parameters<typeof tokenSigner>[0]) =>
  tokenSigner(keys).sign({ sid: site.id }, { subject: site.moderatorId, audience: API_TOKEN_AUDIENCE, issuedAt: Date.now() });
const queueWith = (token: string) =>
  api(server.url, 'GET', `/api/v1/sites/${site.id}/moderation/queue`, { headers: { authorization: `Bearer ${token}` } });

describe('JWT signing keys with ids (JWT_KEYS)', () => {
  it('signs new tokens with the first key, naming it in the header', () => {
    expect(decodeProtectedHeader(site.moderatorToken)).toEqual({ alg: 'HS256', kid: NEW_KEY.kid });
  });

  it('still accepts tokens signed with the previous key, and tokens from before key ids (JWT_SECRET)', async () => {
    expect((await queueWith(await tokenSignedBy({ jwtSecret: undefined, jwtKeys: [OLD_KEY] }))).status).toBe(200);
    expect((await queueWith(await tokenSignedBy({ jwtSecret: LEGACY_SECRET, jwtKeys: [] }))).status).toBe(200);
    expect((await queueWith(site.moderatorToken)).status).toBe(200);
  });

  it('refuses a key it does not list, and a listed kid whose secret is wrong', async () => {
    const retired = { kid: '2025-12', secret: 'retired-key-0123456789-0123456789-0123' };
    expect((await queueWith(await tokenSignedBy({ jwtSecret: undefined, jwtKeys: [retired] }))).status).toBe(401);
    const forged = { kid: NEW_KEY.kid, secret: 'not-the-right-secret-0123456789-012345' };
    expect((await queueWith(await tokenSignedBy({ jwtSecret: undefined, jwtKeys: [forged] }))).status).toBe(401);
  });

  it('once the old key is removed, its tokens stop and the new ones go on', async () => {
    const afterRotation = tokenSigner({ jwtSecret: undefined, jwtKeys: [NEW_KEY] });
    const oldToken = await tokenSignedBy({ jwtSecret: undefined, jwtKeys: [OLD_KEY] });
    expect(await afterRotation.verify(oldToken, API_TOKEN_AUDIENCE)).toBeNull();
    expect(await afterRotation.verify(site.moderatorToken, API_TOKEN_AUDIENCE)).toMatchObject({ sid: site.id, sub: site.moderatorId });
  });
});
