import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, moderatorHeaders, ORIGIN, postComment, readerHeaders, type TestSite } from '../support/fixtures.js';
import { approveDirectly } from '../support/approve-directly.js';

let server: TestServer;
let site: TestSite;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server);
});
afterAll(() => server.close());

const listPath = (articleId: string, qs = '') => `/api/v1/sites/${site.id}/articles/${articleId}/comments${qs}`;

describe('posting a comment', () => {
  it('stores it as pending and answers 202 with the public record', async () => {
    const res = await postComment(server, site, 'politique-1', { body: 'Très bon article.', author: { name: 'Awa' } });
    expect(res.status).toBe(202);
    expect(res.body.comment).toMatchObject({
      siteId: site.id,
      articleId: 'politique-1',
      parentId: null,
      author: { name: 'Awa' },
      body: 'Très bon article.',
      status: 'pending',
    });
    expect(new Date(res.body.comment.createdAt).toISOString()).toBe(res.body.comment.createdAt);
    expect(res.body.comment.scores).toBeUndefined();
  });

  it('keeps the text exactly as data, markup included', async () => {
    const payload = '<img src=x onerror=alert(1)> & <b>gras</b>';
    const res = await postComment(server, site, 'a-xss', { body: payload, author: { name: '<script>' } });
    const full = await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${res.body.comment.id}`, {
      headers: moderatorHeaders(site),
    });
    expect(full.body.comment.body).toBe(payload);
    expect(full.body.comment.author.name).toBe('<script>');
  });

  it('returns the same comment for a repeated Idempotency-Key and creates nothing new', async () => {
    const headers = { 'idempotency-key': 'retry-42', 'x-device-id': 'device-abcdef12' };
    const first = await postComment(server, site, 'a-idem', { body: 'Une fois', author: { name: 'Awa' } }, headers);
    const second = await postComment(server, site, 'a-idem', { body: 'Une fois', author: { name: 'Awa' } }, headers);
    expect(second.status).toBe(202);
    expect(second.body.comment.id).toBe(first.body.comment.id);
    const pending = await server.deps.redis.zrange(server.deps.keys.reviewQueue(site.id, 'pending'), '0', '-1');
    expect(pending.filter((id) => id === first.body.comment.id)).toHaveLength(1);
    expect(pending).toContain(first.body.comment.id);
  });

  it('gives the same anonymous author id to the same device', async () => {
    const h = { 'x-device-id': 'device-same-0001' };
    const a = await postComment(server, site, 'a-dev', { body: 'un', author: { name: 'Awa' } }, h);
    const b = await postComment(server, site, 'a-dev', { body: 'deux', author: { name: 'Awa' } }, h);
    const c = await postComment(server, site, 'a-dev', { body: 'trois', author: { name: 'Awa' } }, { 'x-device-id': 'device-other-001' });
    expect(a.body.comment.author.id).toBe(b.body.comment.author.id);
    expect(c.body.comment.author.id).not.toBe(a.body.comment.author.id);
  });

  it('refuses a body over 5000 characters with 400 and one over 64 KB with 413', async () => {
    const long = await postComment(server, site, 'a1', { body: 'x'.repeat(5001), author: { name: 'A' } });
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe('validation_failed');
    const huge = await postComment(server, site, 'a1', { body: 'x'.repeat(70_000), author: { name: 'A' } });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
  });

  it('refuses an article id with characters that are not URL-safe', async () => {
    const res = await api(server.url, 'POST', `/api/v1/sites/${site.id}/articles/a%20b/comments`, {
      headers: readerHeaders(site),
      body: { body: 'x', author: { name: 'A' } },
    });
    expect(res.status).toBe(400);
  });

  it('refuses a reply to a comment that is not approved, or of another article', async () => {
    const parent = await postComment(server, site, 'a-reply', { body: 'parent', author: { name: 'A' } });
    const early = await postComment(server, site, 'a-reply', { body: 'r', author: { name: 'B' }, parentId: parent.body.comment.id });
    expect(early.status).toBe(400);
    expect(early.body.error.code).toBe('invalid_parent');
    await approveDirectly(server.deps, site.id, parent.body.comment.id);
    const elsewhere = await postComment(server, site, 'other-article', { body: 'r', author: { name: 'B' }, parentId: parent.body.comment.id });
    expect(elsewhere.status).toBe(400);
    const ok = await postComment(server, site, 'a-reply', { body: 'r', author: { name: 'B' }, parentId: parent.body.comment.id });
    expect(ok.status).toBe(202);
    expect(ok.body.comment.parentId).toBe(parent.body.comment.id);
  });

  it('answers 401 without a site key and with a wrong one', async () => {
    const none = await api(server.url, 'POST', listPath('a1'), { body: { body: 'x', author: { name: 'A' } } });
    expect(none.status).toBe(401);
    const wrong = await api(server.url, 'POST', listPath('a1'), {
      headers: { 'x-site-key': 'pk_wrong' },
      body: { body: 'x', author: { name: 'A' } },
    });
    expect(wrong.status).toBe(401);
  });

  it('answers 403 for the key of another site', async () => {
    const other = await createTestSite(server);
    const res = await api(server.url, 'POST', listPath('a1'), {
      headers: { 'x-site-key': other.publicKey },
      body: { body: 'x', author: { name: 'A' } },
    });
    expect(res.status).toBe(403);
  });

  it('answers 403 origin_not_allowed for a browser on a foreign origin', async () => {
    const res = await api(server.url, 'POST', listPath('a1'), {
      headers: { 'x-site-key': site.publicKey, origin: 'https://evil.example' },
      body: { body: 'x', author: { name: 'A' } },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('origin_not_allowed');
  });

  it('answers 404 for an unknown site', async () => {
    const res = await api(server.url, 'POST', '/api/v1/sites/01J00000000000000000000000/articles/a/comments', {
      headers: { 'x-site-key': 'pk_unknown' },
      body: { body: 'x', author: { name: 'A' } },
    });
    expect(res.status).toBe(404);
  });

  it('allows the site origin over CORS and not a foreign one', async () => {
    const ok = await fetch(`${server.url}${listPath('a1')}`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-site-key,content-type' },
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const bad = await fetch(`${server.url}${listPath('a1')}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(bad.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('reading a thread', () => {
  it('lists approved comments only, oldest first, with replies nested, and counts them', async () => {
    const art = 'thread-1';
    const first = await postComment(server, site, art, { body: 'premier', author: { name: 'A' } });
    const hidden = await postComment(server, site, art, { body: 'en attente', author: { name: 'B' } });
    const second = await postComment(server, site, art, { body: 'second', author: { name: 'C' } });
    await approveDirectly(server.deps, site.id, second.body.comment.id);
    await approveDirectly(server.deps, site.id, first.body.comment.id);
    const reply = await postComment(server, site, art, { body: 'réponse', author: { name: 'D' }, parentId: first.body.comment.id });
    await approveDirectly(server.deps, site.id, reply.body.comment.id);

    const res = await api(server.url, 'GET', listPath(art), { headers: readerHeaders(site) });
    expect(res.status).toBe(200);
    expect(res.body.comments.map((c: { body: string }) => c.body)).toEqual(['premier', 'second']);
    expect(res.body.comments[0].replies.map((c: { body: string }) => c.body)).toEqual(['réponse']);
    expect(JSON.stringify(res.body)).not.toContain(hidden.body.comment.id);
    expect(JSON.stringify(res.body)).not.toMatch(/scores|reasons/);
    expect(res.body.nextCursor).toBeNull();

    const count = await api(server.url, 'GET', `/api/v1/sites/${site.id}/articles/${art}/count`, { headers: readerHeaders(site) });
    expect(count.body).toEqual({ approved: 3 });
  });

  it('pages with limit and cursor without repeating or skipping', async () => {
    const art = 'thread-pages';
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await postComment(server, site, art, { body: `c${i}`, author: { name: 'A' } });
      await approveDirectly(server.deps, site.id, r.body.comment.id);
      ids.push(r.body.comment.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = `?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await api(server.url, 'GET', listPath(art, qs), { headers: readerHeaders(site) });
      expect(page.body.comments.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.comments.map((c: { id: string }) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
  });

  it('refuses limit over 100', async () => {
    const res = await api(server.url, 'GET', listPath('a1', '?limit=101'), { headers: readerHeaders(site) });
    expect(res.status).toBe(400);
  });
});

describe('moderator view of a comment', () => {
  it('shows a comment in any status; 404 for an unknown one', async () => {
    const posted = await postComment(server, site, 'm1', { body: 'à lire', author: { name: 'A' } });
    const res = await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${posted.body.comment.id}`, {
      headers: moderatorHeaders(site),
    });
    expect(res.body.comment).toMatchObject({ status: 'pending', version: 1, body: 'à lire' });
    const missing = await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/01J00000000000000000000000`, {
      headers: moderatorHeaders(site),
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('comment_not_found');
  });

  it('is not readable with the site key', async () => {
    const posted = await postComment(server, site, 'm2', { body: 'x', author: { name: 'A' } });
    const res = await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${posted.body.comment.id}`, {
      headers: readerHeaders(site),
    });
    expect(res.status).toBe(401);
  });
});
