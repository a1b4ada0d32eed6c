import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, moderatorHeaders, ORIGIN, postComment, type TestSite } from '../support/fixtures.js';
import { connect, connected, type RecordingSocket } from '../support/sockets.js';
import { approveDirectly } from '../support/approve-directly.js';

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

function moderator(token = site.moderatorToken) {
  const s = connect(server.url, '/moderation', { token });
  open.push(s);
  return s;
}
function reader(siteKey = site.publicKey, origin = ORIGIN) {
  const s = connect(server.url, '/comments', { siteKey }, { origin });
  open.push(s);
  return s;
}

describe('/moderation namespace', () => {
  it('refuses a connection without a valid moderator token', async () => {
    await expect(connected(moderator('nope'))).rejects.toThrow('unauthorized');
  });

  it('refuses a reader (site key) asking for moderation events', async () => {
    const s = connect(server.url, '/moderation', { siteKey: site.publicKey }, { origin: ORIGIN });
    open.push(s);
    await expect(connected(s)).rejects.toThrow('unauthorized');
  });

  it('lets a moderator subscribe only to their own site', async () => {
    const other = await createTestSite(server);
    const m = moderator();
    await connected(m);
    expect(await m.request('subscribe', { siteId: site.id })).toEqual({ ok: true });
    const denied = await m.request('subscribe', { siteId: other.id });
    expect(denied).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers a malformed subscribe with validation_failed', async () => {
    const m = moderator();
    await connected(m);
    expect(await m.request('subscribe', { siteId: 42 })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });

  it('streams comment.created to subscribed moderators as comments arrive', async () => {
    const m = moderator();
    await connected(m);
    await m.request('subscribe', { siteId: site.id });
    const posted = await postComment(server, site, 'live-1', { body: 'Nouvelle réaction', author: { name: 'Awa' } });
    const e = await m.waitFor('comment.created', (p) => p.comment.id === posted.body.comment.id);
    expect(e.eventId).toMatch(/^\d+-\d+$/);
    expect(e.comment).toMatchObject({ body: 'Nouvelle réaction', status: 'pending', version: 1 });
  });

  it('replays exactly the missed events, in order, to a moderator resuming from lastEventId', async () => {
    const first = moderator();
    await connected(first);
    await first.request('subscribe', { siteId: site.id });
    const a = await postComment(server, site, 'resume', { body: 'a', author: { name: 'A' } });
    const seen = await first.waitFor('comment.created', (p) => p.comment.id === a.body.comment.id);
    first.close();
    const missed: string[] = [];
    for (const body of ['b', 'c', 'd']) {
      const r = await postComment(server, site, 'resume', { body, author: { name: 'A' } });
      missed.push(r.body.comment.id);
    }
    const again = moderator();
    await connected(again);
    expect(await again.request('subscribe', { siteId: site.id, lastEventId: seen.eventId })).toEqual({ ok: true });
    const e = await postComment(server, site, 'resume', { body: 'e', author: { name: 'A' } });
    await again.waitFor('comment.created', (p) => p.comment.id === e.body.comment.id);
    const created = again.events.filter((x) => x.name === 'comment.created').map((x) => x.payload.comment.id);
    expect(created).toEqual([...missed, e.body.comment.id]);
    // queue.counts is a snapshot sent beside the stream, not a stream event: it has no id
    const ids = again.events.filter((x) => x.name !== 'queue.counts').map((x) => x.payload.eventId as string);
    for (const id of ids) expect(id).toMatch(/^\d+-\d+$/);
    expect(ids).toEqual([...ids].sort((p, q) => Number(p.split('-')[0]) - Number(q.split('-')[0]) || Number(p.split('-')[1]) - Number(q.split('-')[1])));
  });

  it('sends resync when the stream no longer holds lastEventId', async () => {
    const m = moderator();
    await connected(m);
    await postComment(server, site, 'trim', { body: 'x', author: { name: 'A' } });
    expect(await m.request('subscribe', { siteId: site.id, lastEventId: '1-0' })).toEqual({ ok: true });
    expect(await m.waitFor('resync')).toEqual({ siteId: site.id });
  });

  it('approves and rejects over the socket with the same effect as REST', async () => {
    const m = moderator();
    await connected(m);
    await m.request('subscribe', { siteId: site.id });
    const p1 = await postComment(server, site, 'sock-act', { body: 'à approuver', author: { name: 'A' } });
    const p2 = await postComment(server, site, 'sock-act', { body: 'à rejeter', author: { name: 'A' } });
    const ok = await m.request('comment.approve', { siteId: site.id, commentId: p1.body.comment.id });
    expect(ok).toMatchObject({ ok: true, comment: { status: 'approved', version: 2 } });
    const rej = await m.request('comment.reject', { siteId: site.id, commentId: p2.body.comment.id, reason: 'spam' });
    expect(rej).toMatchObject({ ok: true, comment: { status: 'rejected', moderatorReason: { code: 'spam' } } });
    const moderated = await m.waitFor('comment.moderated', (p) => p.comment.id === p2.body.comment.id);
    expect(moderated).toMatchObject({ action: 'reject', moderatorId: site.moderatorId });
    const rest = await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${p1.body.comment.id}`, { headers: moderatorHeaders(site) });
    expect(rest.body.comment.status).toBe('approved');
  });

  it('refuses a decision made on a stale version with conflict and the current comment', async () => {
    const m = moderator();
    await connected(m);
    const p = await postComment(server, site, 'stale', { body: 'x', author: { name: 'A' } });
    await approveDirectly(server.deps, site.id, p.body.comment.id);
    const res = await m.request('comment.reject', { siteId: site.id, commentId: p.body.comment.id, version: 1 });
    expect(res).toMatchObject({ ok: false, error: { code: 'conflict', details: { comment: { status: 'approved', version: 2 } } } });
  });
});

describe('/comments namespace', () => {
  it('refuses a wrong site key and a foreign origin', async () => {
    await expect(connected(reader('pk_nope'))).rejects.toThrow('unauthorized');
    await expect(connected(reader(site.publicKey, 'https://evil.example'))).rejects.toThrow();
  });

  it('publishes a comment to the article readers when it is approved, and removes it when rejected', async () => {
    const r = reader();
    await connected(r);
    expect(await r.request('subscribe', { siteId: site.id, articleId: 'pub-1' })).toEqual({ ok: true });
    const other = reader();
    await connected(other);
    await other.request('subscribe', { siteId: site.id, articleId: 'another-article' });
    const p = await postComment(server, site, 'pub-1', { body: 'Bravo', author: { name: 'A' } });
    await approveDirectly(server.deps, site.id, p.body.comment.id);
    const published = await r.waitFor('comment.published');
    expect(published.comment).toMatchObject({ id: p.body.comment.id, body: 'Bravo', status: 'approved' });
    expect(published.comment.scores).toBeUndefined();
    expect(published.comment.version).toBeUndefined();
    await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${p.body.comment.id}/reject`, {
      headers: moderatorHeaders(site),
      body: { reason: 'abuse' },
    });
    expect(await r.waitFor('comment.removed')).toMatchObject({ commentId: p.body.comment.id });
    expect(r.events.map((e) => e.name)).toEqual(['comment.published', 'comment.removed']);
    expect(other.events).toEqual([]);
  });

  it('never sends readers created or held comments', async () => {
    const r = reader();
    await connected(r);
    await r.request('subscribe', { siteId: site.id, articleId: 'quiet' });
    const p = await postComment(server, site, 'quiet', { body: 'pas encore', author: { name: 'A' } });
    await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${p.body.comment.id}/reject`, { headers: moderatorHeaders(site) });
    const marker = await postComment(server, site, 'quiet', { body: 'marqueur', author: { name: 'A' } });
    await approveDirectly(server.deps, site.id, marker.body.comment.id);
    await r.waitFor('comment.published');
    expect(r.events.map((e) => e.payload.comment?.id ?? e.payload.commentId)).toEqual([marker.body.comment.id]);
  });

  it('refuses to subscribe to another site', async () => {
    const other = await createTestSite(server);
    const r = reader();
    await connected(r);
    expect(await r.request('subscribe', { siteId: other.id, articleId: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('moderation REST', () => {
  it('lists the queues with their counts', async () => {
    const s = await createTestSite(server);
    const a = await postComment(server, s, 'q', { body: 'un', author: { name: 'A' } });
    const b = await postComment(server, s, 'q', { body: 'deux', author: { name: 'A' } });
    await approveDirectly(server.deps, s.id, b.body.comment.id);
    const pending = await api(server.url, 'GET', `/api/v1/sites/${s.id}/moderation/queue?status=pending`, { headers: moderatorHeaders(s) });
    expect(pending.status).toBe(200);
    expect(pending.body.comments.map((c: { id: string }) => c.id)).toEqual([a.body.comment.id]);
    expect(pending.body.counts).toEqual({ pending: 1, held: 0, reported: 0, approved: 1, rejected: 0 });
  });

  it('answers 409 conflict when approving with a stale version over REST', async () => {
    const p = await postComment(server, site, 'rest-409', { body: 'x', author: { name: 'A' } });
    await approveDirectly(server.deps, site.id, p.body.comment.id);
    const res = await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${p.body.comment.id}/reject`, {
      headers: moderatorHeaders(site),
      body: { version: 1 },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.details.comment.version).toBe(2);
  });
});
