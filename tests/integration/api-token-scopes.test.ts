import { decodeJwt } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createModerator } from '../../core/moderators/moderator-store.js';
import { createTestSite, postComment, type TestSite } from '../support/fixtures.js';
import { connect, connected, type RecordingSocket } from '../support/sockets.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let site: TestSite;
const open: RecordingSocket[] = [];
beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server);
});
afterEach(() => {
  while (open.length) open.pop()!.close();
});
afterAll(() => server.close());

async function apiToken(body: Record<string, unknown>) {
  const res = await api(server.url, 'POST', `/api/v1/sites/${site.id}/moderators`, { headers: { authorization: `Bearer ${server.adminToken}` }, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; token: string; scope?: string; role: string; expiresAt?: string };
}
const as = (token: string) => ({ authorization: `Bearer ${token}` });
const pendingComment = async () => (await postComment(server, site, 'scopes', { body: 'Un commentaire à décider.', author: { name: 'Ama' } })).body.comment.id as string;

describe('API tokens with a scope and an expiry', () => {
  it('lets a read-only token read the queue and nothing more, over HTTP and over the socket', async () => {
    const reader = await apiToken({ name: 'Tableau de bord', scope: 'read-only' });
    expect(reader).toMatchObject({ scope: 'read-only', role: 'moderator' });
    expect((await api(server.url, 'GET', `/api/v1/sites/${site.id}/moderation/queue?status=pending`, { headers: as(reader.token) })).status).toBe(200);
    const commentId = await pendingComment();
    const refused = await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${commentId}/approve`, { headers: as(reader.token), body: {} });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('insufficient_scope');

    const socket = connect(server.url, '/moderation', { token: reader.token });
    open.push(socket);
    await connected(socket);
    expect(await socket.request('subscribe', { siteId: site.id })).toEqual({ ok: true });
    const ack = await socket.request('comment.approve', { siteId: site.id, commentId });
    expect(ack).toMatchObject({ ok: false, error: { code: 'insufficient_scope' } });
  });

  it('lets a moderate token decide but not change the site; an admin token does both', async () => {
    const moderate = await apiToken({ name: 'Robot de tri', scope: 'moderate' });
    const commentId = await pendingComment();
    expect((await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${commentId}/approve`, { headers: as(moderate.token), body: {} })).status).toBe(200);
    expect((await api(server.url, 'PATCH', `/api/v1/sites/${site.id}`, { headers: as(moderate.token), body: { name: 'X' } })).status).toBe(403);
    const admin = await apiToken({ name: 'Intégration CMS', scope: 'admin' });
    expect(admin.role).toBe('admin');
    expect((await api(server.url, 'PATCH', `/api/v1/sites/${site.id}`, { headers: as(admin.token), body: { name: 'Journal test' } })).status).toBe(200);
  });

  it('puts the expiry in the token and refuses it once past', async () => {
    const shortLived = await apiToken({ name: 'Stagiaire', scope: 'moderate', expiresInDays: 7 });
    const exp = decodeJwt(shortLived.token).exp! * 1000;
    expect(Math.abs(exp - (Date.now() + 7 * 86_400_000))).toBeLessThan(60_000);
    expect(Date.parse(shortLived.expiresAt!)).toBe(exp);
    // a token whose expiry has passed: made as if eight days ago
    const past = { ...server.deps, now: () => Date.now() - 8 * 86_400_000 };
    const { token } = await createModerator(past, server.deps.signer, { siteId: site.id, name: 'Ancien', role: 'moderator', scope: 'moderate', expiresAt: past.now() + 7 * 86_400_000 });
    const res = await api(server.url, 'GET', `/api/v1/sites/${site.id}/moderation/queue`, { headers: as(token) });
    expect(res.status).toBe(401);
  });

  it('keeps tokens made before scopes working by their role', async () => {
    const commentId = await pendingComment();
    expect((await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${commentId}/reject`, { headers: as(site.moderatorToken), body: {} })).status).toBe(200);
  });

  it('refuses a role and a scope that disagree', async () => {
    const res = await api(server.url, 'POST', `/api/v1/sites/${site.id}/moderators`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
      body: { name: 'X', role: 'admin', scope: 'read-only' },
    });
    expect(res.status).toBe(400);
  });
});
