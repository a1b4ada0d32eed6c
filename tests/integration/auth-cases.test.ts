/**
 * Authentication and authorisation, one test per case (issue #8). Cases already proven
 * elsewhere are not repeated here:
 * - SSO author tokens with alg none, a wrong signature, expired, another audience:
 *   tests/integration/sso-authors.test.ts ("refuses a token with alg none", "…signed with another
 *   secret", "…an expired token", "…for another audience");
 * - a moderator token with a tampered signature: moderators-api.test.ts "refuses a forged token with 401";
 * - a moderator of site A reading site B over REST: moderators-api.test.ts "refuses a moderator of site A on site B with 403";
 * - a reader socket asking for moderation events: realtime.test.ts "refuses a reader (site key) asking for moderation events";
 * - a foreign Origin over WebSocket and over polling: tests/faults/abuse.test.ts "refuses a foreign Origin over WebSocket and over long-polling";
 * - a revoked moderator, REST and an open socket: moderation-actions.test.ts "disconnects a revoked moderator
 *   within 5 s and rejects the token at once".
 */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, moderatorHeaders, postComment, type TestSite } from '../support/fixtures.js';
import { connect, connected } from '../support/sockets.js';

let server: TestServer;
let siteA: TestSite;
let siteB: TestSite;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  [siteA, siteB] = [await createTestSite(server), await createTestSite(server)];
});
afterAll(() => server.close());

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** A moderator token for site A's live moderator, as the server signs them, with one thing changed. */
function moderatorToken(change: { aud?: string; exp?: number; secret?: string } = {}) {
  const jwt = new SignJWT({ sid: siteA.id })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(siteA.moderatorId)
    .setAudience(change.aud ?? 'palabre:moderator')
    .setIssuer('palabre')
    .setIssuedAt();
  if (change.exp !== undefined) jwt.setExpirationTime(change.exp);
  return jwt.sign(new TextEncoder().encode(change.secret ?? server.config.JWT_SECRET));
}

const readQueue = (token: string) =>
  api(server.url, 'GET', `/api/v1/sites/${siteA.id}/moderation/queue`, { headers: { authorization: `Bearer ${token}` } });

const commentStatus = async (site: TestSite, id: string) =>
  (await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${id}`, { headers: moderatorHeaders(site) })).body.comment.status;

describe('moderator tokens', () => {
  it('accepts a token made the way the server makes them (so the cases below fail for their one change)', async () => {
    expect((await readQueue(await moderatorToken())).status).toBe(200);
  });

  it('refuses a token with alg none', async () => {
    const claims = { sid: siteA.id, sub: siteA.moderatorId, aud: 'palabre:moderator', iss: 'palabre', iat: Math.floor(Date.now() / 1000) };
    const res = await readQueue(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('refuses a token signed with another secret', async () => {
    const res = await readQueue(await moderatorToken({ secret: 'not-the-server-secret-0123456789-0123' }));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('refuses an expired token', async () => {
    const res = await readQueue(await moderatorToken({ exp: Math.floor(Date.now() / 1000) - 60 }));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('refuses a token for another audience', async () => {
    // signed with the right secret, but meant for something else than moderation
    const res = await readQueue(await moderatorToken({ aud: siteA.id }));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('refuses the same bad tokens on the moderation socket', async () => {
    const bad = [
      `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sid: siteA.id, sub: siteA.moderatorId, aud: 'palabre:moderator', iss: 'palabre' })}.`,
      await moderatorToken({ secret: 'not-the-server-secret-0123456789-0123' }),
      await moderatorToken({ exp: Math.floor(Date.now() / 1000) - 60 }),
      await moderatorToken({ aud: siteA.id }),
    ];
    for (const token of bad) {
      const s = connect(server.url, '/moderation', { token });
      await expect(connected(s)).rejects.toThrow('unauthorized');
      s.close();
    }
  });
});

describe('a moderator of site A acting on site B', () => {
  it('is refused over REST with 403, and the comment stays as it was', async () => {
    const posted = await postComment(server, siteB, 'a1', { body: 'Bonjour', author: { name: 'Awa' } });
    const id = posted.body.comment.id;
    const res = await api(server.url, 'POST', `/api/v1/sites/${siteB.id}/comments/${id}/approve`, { headers: moderatorHeaders(siteA) });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(await commentStatus(siteB, id)).toBe('pending');
  });

  it('is refused over the moderation socket, and the comment stays as it was', async () => {
    const posted = await postComment(server, siteB, 'a1', { body: 'Bonsoir', author: { name: 'Awa' } });
    const id = posted.body.comment.id;
    const s = connect(server.url, '/moderation', { token: siteA.moderatorToken });
    try {
      await connected(s);
      for (const action of ['comment.approve', 'comment.reject', 'comment.claim']) {
        expect(await s.request(action, { siteId: siteB.id, commentId: id }), action).toMatchObject({
          ok: false,
          error: { code: 'forbidden' },
        });
      }
      expect(await commentStatus(siteB, id)).toBe('pending');
    } finally {
      s.close();
    }
  });
});
