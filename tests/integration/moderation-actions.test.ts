import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, moderatorHeaders, postComment, type TestSite } from '../support/fixtures.js';
import { approveDirectly } from '../support/approve-directly.js';
import { connect, connected, type RecordingSocket } from '../support/sockets.js';
import { startInProcessWorker, waitUntil } from '../support/in-process-worker.js';

let server: TestServer;
let site: TestSite;
let secondToken: string;
let secondId: string;
const open: RecordingSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server);
  const second = await api(server.url, 'POST', `/api/v1/sites/${site.id}/moderators`, {
    headers: { authorization: `Bearer ${server.adminToken}` },
    body: { name: 'Ibrahim', role: 'moderator' },
  });
  secondToken = second.body.token;
  secondId = second.body.id;
});
afterEach(() => {
  while (open.length) open.pop()!.close();
});
afterAll(() => server.close());

const mod = (path: string, body?: unknown, token = site.moderatorToken) =>
  api(server.url, 'POST', `/api/v1/sites/${site.id}${path}`, { headers: { authorization: `Bearer ${token}` }, body: body ?? {} });
const get = (path: string) => api(server.url, 'GET', `/api/v1/sites/${site.id}${path}`, { headers: moderatorHeaders(site) });
const post = async (articleId: string, body = 'Un commentaire', device = 'device-actions-01') =>
  (await postComment(server, site, articleId, { body, author: { name: 'Awa' } }, { 'x-device-id': device })).body.comment;

describe('reject with a structured reason', () => {
  it('stores the code and the note the author can be shown', async () => {
    const c = await post('reason');
    const res = await mod(`/comments/${c.id}/reject`, { reason: { code: 'off_topic', note: 'Hors sujet : parlons du budget.' } });
    expect(res.status).toBe(200);
    expect(res.body.comment.moderatorReason).toEqual({ code: 'off_topic', note: 'Hors sujet : parlons du budget.' });
  });

  it('refuses an unknown reason code', async () => {
    const c = await post('reason-bad');
    const res = await mod(`/comments/${c.id}/reject`, { reason: { code: 'ugly' } });
    expect(res.status).toBe(400);
  });
});

describe('undo', () => {
  it('restores the previous status within 10 minutes, and only once', async () => {
    const c = await post('undo');
    await approveDirectly(server.deps, site.id, c.id); // approved, as the pipeline could have
    const rejected = await mod(`/comments/${c.id}/reject`, { reason: 'spam' });
    expect(rejected.body.comment.undo).toMatchObject({ previousStatus: 'approved' });
    const undone = await mod(`/comments/${c.id}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body.comment.status).toBe('approved');
    expect(undone.body.comment.undo).toBeUndefined();
    const again = await mod(`/comments/${c.id}/undo`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('undo_unavailable');
  });

  it('refuses after the 10-minute window', async () => {
    const c = await post('undo-late');
    const rejected = await mod(`/comments/${c.id}/reject`);
    const undo = { ...rejected.body.comment.undo, until: new Date(Date.now() - 1000).toISOString() };
    await server.deps.redis.hset(server.deps.keys.comment(site.id, c.id), 'undo', JSON.stringify(undo));
    const res = await mod(`/comments/${c.id}/undo`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('undo_unavailable');
  });

  it('refuses when another change came after the decision', async () => {
    const c = await post('undo-conflict');
    await mod(`/comments/${c.id}/reject`);
    await mod(`/comments/${c.id}/approve`, {}, secondToken);
    const res = await mod(`/comments/${c.id}/undo`);
    // the second decision opened its own undo window: undoing it restores "rejected"
    expect(res.body.comment.status).toBe('rejected');
  });
});

describe('bulk', () => {
  it('approves many comments at once, each reported on its own', async () => {
    const ids = [(await post('bulk')).id, (await post('bulk')).id];
    const res = await mod('/moderation/bulk', { action: 'approve', commentIds: [...ids, '01J00000000000000000000000'] });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, false]);
    expect(res.body.results[2].error.code).toBe('comment_not_found');
    const list = await api(server.url, 'GET', `/api/v1/sites/${site.id}/articles/bulk/comments`, {
      headers: { 'x-site-key': site.publicKey },
    });
    expect(list.body.comments).toHaveLength(2);
  });

  it('refuses more than 100 comments', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `01J${String(i).padStart(23, '0')}`);
    const res = await mod('/moderation/bulk', { action: 'reject', commentIds: ids });
    expect(res.status).toBe(400);
  });
});

describe('bans and pre-moderation', () => {
  it('bans an author: their new comments are rejected at once, and existing ones on request', async () => {
    const device = 'device-banned-01';
    const old = await post('ban', 'Ancien commentaire', device);
    await approveDirectly(server.deps, site.id, old.id);
    const res = await mod(`/authors/${old.author.id}/ban`, { reason: 'Insultes répétées', rejectExisting: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ author: { banned: true, banReason: 'Insultes répétées' }, rejected: 1 });
    expect((await get(`/comments/${old.id}`)).body.comment.status).toBe('rejected');
    const fresh = await post('ban', 'Nouveau commentaire', device);
    expect(fresh.status).toBe('rejected');
    const full = (await get(`/comments/${fresh.id}`)).body.comment;
    expect(full.reasons[0].code).toBe('author_banned');
  });

  it('bans until a date, which ends the ban by itself', async () => {
    const c = await post('ban-until', 'x', 'device-tempban-1');
    const until = new Date(Date.now() + 1500).toISOString();
    const res = await mod(`/authors/${c.author.id}/ban`, { reason: 'Calmez-vous', until });
    expect(res.body.author).toMatchObject({ banned: true, bannedUntil: until });
    expect((await post('ban-until', 'pendant', 'device-tempban-1')).status).toBe('rejected');
    await new Promise((r) => setTimeout(r, 1600));
    expect((await post('ban-until', 'après', 'device-tempban-1')).status).toBe('pending');
  });

  it('refuses a ban that ends in the past', async () => {
    const c = await post('ban-past', 'x', 'device-pastban-1');
    const res = await mod(`/authors/${c.author.id}/ban`, { reason: 'x', until: '2020-01-01T00:00:00Z' });
    expect(res.status).toBe(400);
  });

  it('holds every comment of a pre-moderated author, through the real worker', async () => {
    const worker = await startInProcessWorker(server);
    try {
      const c = await post('premod', 'Bonjour à tous, très bon article.', 'device-premod-01');
      await waitUntil(() => get(`/comments/${c.id}`), (r) => r.body.comment.status !== 'pending');
      expect((await get(`/comments/${c.id}`)).body.comment.status).toBe('approved');
      const res = await mod(`/authors/${c.author.id}/premoderate`, { enabled: true });
      expect(res.body.author.premoderated).toBe(true);
      const next = await post('premod', 'Encore un très bon article.', 'device-premod-01');
      const decided = await waitUntil(() => get(`/comments/${next.id}`), (r) => r.body.comment.status !== 'pending');
      expect(decided.body.comment.status).toBe('held');
      expect(decided.body.comment.reasons.map((r: { code: string }) => r.code)).toContain('author_premoderated');
    } finally {
      await worker.close();
    }
  });

  it("shows an author's history to moderators", async () => {
    const device = 'device-history-1';
    const a = await post('history', 'un', device);
    const b = await post('history', 'deux', device);
    await approveDirectly(server.deps, site.id, a.id);
    await mod(`/comments/${b.id}/reject`, { reason: 'spam' });
    const res = await get(`/authors/${a.author.id}`);
    expect(res.status).toBe(200);
    expect(res.body.author).toMatchObject({ comments: 2, approved: 1, rejected: 1, banned: false, kind: 'anonymous' });
    expect(res.body.comments.map((c: { id: string }) => c.id)).toEqual([b.id, a.id]);
  });
});

describe('two moderators at once', () => {
  it('tells others when a comment is claimed, refuses a second claim, and lets the holder renew', async () => {
    const c = await post('claim');
    const other = connect(server.url, '/moderation', { token: secondToken });
    open.push(other);
    await connected(other);
    await other.request('subscribe', { siteId: site.id });
    const res = await mod(`/comments/${c.id}/claim`);
    expect(res.status).toBe(200);
    const claimed = await other.waitFor('comment.claimed', (p) => p.commentId === c.id);
    expect(claimed).toMatchObject({ moderatorId: site.moderatorId, until: res.body.until });
    const taken = await other.request('comment.claim', { siteId: site.id, commentId: c.id });
    expect(taken).toMatchObject({ ok: false, error: { code: 'already_claimed', details: { moderatorId: site.moderatorId } } });
    expect((await mod(`/comments/${c.id}/claim`)).status).toBe(200);
  });

  it('gives 409 conflict to the moderator who decided on a stale version', async () => {
    const c = await post('race');
    const first = await mod(`/comments/${c.id}/approve`, { version: 1 });
    expect(first.status).toBe(200);
    const second = await mod(`/comments/${c.id}/reject`, { version: 1 }, secondToken);
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'conflict', details: { comment: { status: 'approved', version: 2 } } });
  });

  it('shows who is online in the moderation room, live', async () => {
    const a = connect(server.url, '/moderation', { token: site.moderatorToken });
    open.push(a);
    await connected(a);
    await a.request('subscribe', { siteId: site.id });
    const b = connect(server.url, '/moderation', { token: secondToken });
    await connected(b);
    await b.request('subscribe', { siteId: site.id });
    const both = await a.waitFor('moderators.presence', (p) => p.moderators.length === 2);
    expect(both.moderators.map((m: { name: string }) => m.name)).toEqual(['Fatou', 'Ibrahim']);
    const rest = await get('/moderation/presence');
    expect(rest.body.moderators.map((m: { id: string }) => m.id).sort()).toEqual([site.moderatorId, secondId].sort());
    b.close();
    const one = await a.waitFor('moderators.presence', (p) => p.moderators.length === 1);
    expect(one.moderators[0].id).toBe(site.moderatorId);
  });
});

describe('moderator accounts', () => {
  it('disconnects a revoked moderator within 5 s and rejects the token at once', async () => {
    const created = await api(server.url, 'POST', `/api/v1/sites/${site.id}/moderators`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
      body: { name: 'Temporaire', role: 'moderator' },
    });
    const s = connect(server.url, '/moderation', { token: created.body.token });
    open.push(s);
    await connected(s);
    await s.request('subscribe', { siteId: site.id });
    const disconnected = new Promise<number>((resolve) => {
      const t0 = Date.now();
      s.socket.once('disconnect', () => resolve(Date.now() - t0));
    });
    const del = await api(server.url, 'DELETE', `/api/v1/sites/${site.id}/moderators/${created.body.id}`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    expect(del.status).toBe(204);
    expect(await disconnected).toBeLessThan(5000);
    const again = await api(server.url, 'GET', `/api/v1/sites/${site.id}/moderation/queue`, {
      headers: { authorization: `Bearer ${created.body.token}` },
    });
    expect(again.status).toBe(401);
  });

  it('lets a site admin add and revoke moderators of their own site only', async () => {
    const admin = await api(server.url, 'POST', `/api/v1/sites/${site.id}/moderators`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
      body: { name: 'Cheffe', role: 'admin' },
    });
    const h = { authorization: `Bearer ${admin.body.token}` };
    const added = await api(server.url, 'POST', `/api/v1/sites/${site.id}/moderators`, { headers: h, body: { name: 'Nouveau' } });
    expect(added.status).toBe(201);
    const other = await createTestSite(server);
    const foreign = await api(server.url, 'POST', `/api/v1/sites/${other.id}/moderators`, { headers: h, body: { name: 'x' } });
    expect(foreign.status).toBe(403);
    const plain = await api(server.url, 'POST', `/api/v1/sites/${site.id}/moderators`, {
      headers: moderatorHeaders(site),
      body: { name: 'x' },
    });
    expect(plain.status).toBe(403);
  });
});
