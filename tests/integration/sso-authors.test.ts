import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, moderatorHeaders, postComment, type TestSite } from '../support/fixtures.js';
import { startInProcessWorker, waitUntil } from '../support/in-process-worker.js';

let server: TestServer;
let site: TestSite;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server);
});
afterAll(() => server.close());

function ssoToken(claims: Record<string, unknown>, opts: { secret?: string; aud?: string; exp?: number | string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(opts.aud ?? site.id)
    .setExpirationTime(opts.exp ?? '1h')
    .sign(new TextEncoder().encode(opts.secret ?? site.ssoSecret));
}
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const postAs = (token: string, body = 'Bonjour') =>
  postComment(server, site, 'sso', { body, author: { name: 'Nom choisi' } }, { 'x-sso-token': token });

describe('single sign-on authors', () => {
  it('takes the identity and name from a valid site token', async () => {
    const token = await ssoToken({ sub: 'user-42', name: 'Aïcha Koné', email: 'aicha@example.org' });
    const a = await postAs(token);
    const b = await postAs(token, 'Encore moi');
    expect(a.status).toBe(202);
    expect(a.body.comment.author.name).toBe('Aïcha Koné');
    expect(a.body.comment.author.id).toMatch(/^u_/);
    expect(b.body.comment.author.id).toBe(a.body.comment.author.id);
    const author = await api(server.url, 'GET', `/api/v1/sites/${site.id}/authors/${a.body.comment.author.id}`, {
      headers: moderatorHeaders(site),
    });
    expect(author.body.author).toMatchObject({ kind: 'sso', name: 'Aïcha Koné', comments: 2 });
    expect(JSON.stringify(author.body)).not.toContain('aicha@example.org');
  });

  it('refuses a token with alg none', async () => {
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', aud: site.id, exp: Math.floor(Date.now() / 1000) + 60 })}.`;
    const res = await postAs(none);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('invalid_sso_token');
  });

  it('refuses a token signed with another secret', async () => {
    const res = await postAs(await ssoToken({ sub: 'x' }, { secret: 'not-the-site-secret-at-all-0000' }));
    expect(res.status).toBe(401);
  });

  it('refuses an expired token', async () => {
    const res = await postAs(await ssoToken({ sub: 'x' }, { exp: Math.floor(Date.now() / 1000) - 60 }));
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/expired/);
  });

  it('refuses a token for another audience', async () => {
    const res = await postAs(await ssoToken({ sub: 'x' }, { aud: 'another-site' }));
    expect(res.status).toBe(401);
  });

  it('refuses a token without exp', async () => {
    const token = await new SignJWT({ sub: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience(site.id)
      .sign(new TextEncoder().encode(site.ssoSecret));
    expect((await postAs(token)).status).toBe(401);
  });
});

describe('first comments', () => {
  it('holds the first comments of a new author until a moderator approves one', async () => {
    const strict = await createTestSite(server, { holdFirstComments: true });
    const worker = await startInProcessWorker(server);
    const get = (id: string) =>
      api(server.url, 'GET', `/api/v1/sites/${strict.id}/comments/${id}`, { headers: moderatorHeaders(strict) });
    try {
      const device = { 'x-device-id': 'device-newcomer-1' };
      const first = await postComment(server, strict, 'first', { body: 'Premier message, merci pour cet article.', author: { name: 'Nouveau' } }, device);
      const decided = await waitUntil(() => get(first.body.comment.id), (r) => r.body.comment.status !== 'pending');
      expect(decided.body.comment.status).toBe('held');
      expect(decided.body.comment.reasons.map((r: { code: string }) => r.code)).toContain('first_comment');
      await api(server.url, 'POST', `/api/v1/sites/${strict.id}/comments/${first.body.comment.id}/approve`, {
        headers: moderatorHeaders(strict),
      });
      const second = await postComment(server, strict, 'first', { body: 'Deuxième message, toujours courtois.', author: { name: 'Nouveau' } }, device);
      const later = await waitUntil(() => get(second.body.comment.id), (r) => r.body.comment.status !== 'pending');
      expect(later.body.comment.status).toBe('approved');
    } finally {
      await worker.close();
    }
  });
});
