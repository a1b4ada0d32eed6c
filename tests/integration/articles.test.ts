import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readAudit } from '../../core/audit/audit-log.js';
import { approveDirectly } from '../support/approve-directly.js';
import { createTestSite, moderatorHeaders, ORIGIN, postComment, readerHeaders, type TestSite } from '../support/fixtures.js';
import { connect, connected, type RecordingSocket } from '../support/sockets.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let site: TestSite;
const open: RecordingSocket[] = [];
let seq = 0;
const newArticle = () => `article-${Date.now().toString(36)}-${++seq}`;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server);
});
afterEach(() => {
  while (open.length) open.pop()!.close();
});
afterAll(() => server.close());

const articlePath = (articleId: string, s = site) => `/api/v1/sites/${s.id}/articles/${articleId}`;
const patchArticle = (articleId: string, body: unknown, headers: Record<string, string> = moderatorHeaders(site)) =>
  api(server.url, 'PATCH', articlePath(articleId), { headers, body });
const getArticle = (articleId: string) => api(server.url, 'GET', articlePath(articleId), { headers: moderatorHeaders(site) });
const listThread = (articleId: string) =>
  api(server.url, 'GET', `${articlePath(articleId)}/comments`, { headers: readerHeaders(site) });

async function subscribedModerator(): Promise<RecordingSocket> {
  const s = connect(server.url, '/moderation', { token: site.moderatorToken });
  open.push(s);
  await connected(s);
  expect(await s.request('subscribe', { siteId: site.id })).toEqual({ ok: true });
  return s;
}

async function subscribedReader(articleId: string): Promise<RecordingSocket> {
  const s = connect(server.url, '/comments', { siteKey: site.publicKey }, { origin: ORIGIN });
  open.push(s);
  await connected(s);
  expect(await s.request('subscribe', { siteId: site.id, articleId })).toEqual({ ok: true });
  return s;
}

describe('article metadata', () => {
  it('keeps the title and url of the first comment that sends them; later readers cannot rename the article', async () => {
    const article = newArticle();
    const first = await postComment(server, site, article, {
      body: 'Premier avis',
      author: { name: 'Awa' },
      article: { title: 'Budget 2027 : les routes du nord', url: 'https://www.journal-test.example/budget-2027' },
    });
    expect(first.status).toBe(202);
    await postComment(server, site, article, {
      body: 'Deuxième avis',
      author: { name: 'Koffi' },
      article: { title: 'Titre détourné', url: 'https://evil.example/phishing' },
    });
    const got = await getArticle(article);
    expect(got.status).toBe(200);
    expect(got.body.article).toMatchObject({
      id: article,
      title: 'Budget 2027 : les routes du nord',
      url: 'https://www.journal-test.example/budget-2027',
      closed: false,
      policy: null,
      surge: null,
    });
    expect(got.body.article.firstSeenAt).toMatch(/^\d{4}-/);
  });

  it('refuses an article url that is not http(s) or a title over 300 characters', async () => {
    const article = newArticle();
    for (const meta of [{ url: 'javascript:alert(1)' }, { url: 'https://user:pw@example.com/a' }, { title: 'x'.repeat(301) }]) {
      const res = await postComment(server, site, article, { body: 'Avis', author: { name: 'Awa' }, article: meta });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await patchArticle(article, { url: 'ftp://example.com/a' })).body.error.code).toBe('validation_failed');
  });

  it('shows moderators the title and url in comment.created events and in the queue listing', async () => {
    const article = newArticle();
    const m = await subscribedModerator();
    const meta = { title: 'Législatives : les résultats', url: 'https://www.journal-test.example/legislatives' };
    const posted = await postComment(server, site, article, { body: 'Enfin des résultats', author: { name: 'Awa' }, article: meta });
    const created = await m.waitFor('comment.created', (p) => p.comment.id === posted.body.comment.id);
    expect(created.article).toEqual({ id: article, ...meta });

    const queue = await api(server.url, 'GET', `/api/v1/sites/${site.id}/moderation/queue?status=pending&articleId=${article}`, {
      headers: moderatorHeaders(site),
    });
    expect(queue.status).toBe(200);
    expect(queue.body.comments.map((c: { id: string }) => c.id)).toContain(posted.body.comment.id);
    expect(queue.body.articles[article]).toEqual({ id: article, ...meta });
  });

  it('lets a moderator correct the title and url, audited and announced to moderators', async () => {
    const article = newArticle();
    await postComment(server, site, article, { body: 'Avis', author: { name: 'Awa' }, article: { title: 'Tirte avec faute' } });
    const m = await subscribedModerator();
    const res = await patchArticle(article, { title: 'Titre corrigé', url: 'https://www.journal-test.example/corrige' });
    expect(res.status).toBe(200);
    expect(res.body.article).toMatchObject({ title: 'Titre corrigé', url: 'https://www.journal-test.example/corrige' });
    const e = await m.waitFor('article.updated', (p) => p.article.id === article);
    expect(e.changes).toEqual(['title', 'url']);
    expect(e.moderatorId).toBe(site.moderatorId);
    const { entries } = await readAudit(server.deps, site.id, { limit: 5 });
    const entry = entries.find((x) => x.target.id === article);
    expect(entry).toMatchObject({
      action: 'article.update',
      actor: { kind: 'moderator', id: site.moderatorId },
      target: { type: 'article', id: article },
      before: { title: 'Tirte avec faute' },
      after: { title: 'Titre corrigé' },
    });
  });
});

describe('closing and reopening an article', () => {
  it('refuses new comments with article_closed while readers keep the approved thread, then accepts them again once reopened', async () => {
    const article = newArticle();
    const kept = await postComment(server, site, article, { body: 'Commentaire approuvé', author: { name: 'Awa' } });
    await approveDirectly(server.deps, site.id, kept.body.comment.id);
    const reader = await subscribedReader(article);

    const closed = await patchArticle(article, { closed: true });
    expect(closed.status).toBe(200);
    expect(closed.body.article.closed).toBe(true);
    expect(await reader.waitFor('article.status')).toMatchObject({ articleId: article, closed: true });

    const refused = await postComment(server, site, article, { body: 'Trop tard ?', author: { name: 'Koffi' } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('article_closed');
    // a reply to an approved comment is a new comment too
    const reply = await postComment(server, site, article, { body: 'Réponse', author: { name: 'Koffi' }, parentId: kept.body.comment.id });
    expect(reply.body.error.code).toBe('article_closed');

    const thread = await listThread(article);
    expect(thread.body.closed).toBe(true);
    expect(thread.body.comments.map((c: { id: string }) => c.id)).toEqual([kept.body.comment.id]);

    expect((await patchArticle(article, { closed: false })).body.article.closed).toBe(false);
    expect(await reader.waitFor('article.status', (p) => p.closed === false)).toMatchObject({ closed: false });
    const accepted = await postComment(server, site, article, { body: 'De retour', author: { name: 'Koffi' } });
    expect(accepted.status).toBe(202);
    expect((await listThread(article)).body.closed).toBe(false);

    const { entries } = await readAudit(server.deps, site.id, { limit: 10 });
    const actions = entries.filter((x) => x.target.id === article).map((x) => x.action);
    expect(actions).toEqual(['article.reopen', 'article.close']); // newest first
  });

  it('still answers a retried post (same Idempotency-Key) made before the article was closed', async () => {
    const article = newArticle();
    const key = { 'idempotency-key': `retry-${article}` };
    const first = await postComment(server, site, article, { body: 'Envoyé avant la fermeture', author: { name: 'Awa' } }, key);
    await patchArticle(article, { closed: true });
    const retry = await postComment(server, site, article, { body: 'Envoyé avant la fermeture', author: { name: 'Awa' } }, key);
    expect(retry.status).toBe(202);
    expect(retry.body.comment.id).toBe(first.body.comment.id);
  });

  it('can close an article before its first comment (the site registers it)', async () => {
    const article = newArticle();
    expect((await getArticle(article)).body.error.code).toBe('article_not_found');
    const res = await patchArticle(article, { closed: true, title: 'Avis de décès' });
    expect(res.status).toBe(200);
    expect((await postComment(server, site, article, { body: 'Condoléances', author: { name: 'Awa' } })).status).toBe(409);
    const list = await api(server.url, 'GET', `/api/v1/sites/${site.id}/articles?limit=100`, { headers: moderatorHeaders(site) });
    expect(list.body.articles.find((a: { id: string }) => a.id === article)).toMatchObject({ closed: true, title: 'Avis de décès' });
  });
});

describe('article routes', () => {
  it('lets the site admin and moderators change an article, but not a reader nor a moderator of another site', async () => {
    const article = newArticle();
    expect((await patchArticle(article, { closed: true }, { authorization: `Bearer ${server.adminToken}` })).status).toBe(200);
    expect((await patchArticle(article, { closed: false }, readerHeaders(site))).status).toBe(401);
    const other = await createTestSite(server);
    const foreign = await patchArticle(article, { closed: false }, moderatorHeaders(other));
    expect(foreign.status).toBe(403);
    expect((await getArticle(article)).body.article.closed).toBe(true);
  });

  it('answers an empty or unknown change with validation_failed', async () => {
    const article = newArticle();
    for (const body of [{}, { closed: 'yes' }, { colour: 'red' }, { policy: { mode: 'sometimes' } }, { policy: { bannedWords: ['x'] } }]) {
      const res = await patchArticle(article, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });

  it('lists the site articles most recently seen first, page by page', async () => {
    const s = await createTestSite(server);
    const ids = ['liste-a', 'liste-b', 'liste-c'];
    for (const id of ids) {
      await postComment(server, s, id, { body: 'Avis', author: { name: 'Awa' } });
      await new Promise((r) => setTimeout(r, 5)); // distinct first-seen times
    }
    const path = `/api/v1/sites/${s.id}/articles`;
    const first = await api(server.url, 'GET', `${path}?limit=2`, { headers: moderatorHeaders(s) });
    expect(first.body.articles.map((a: { id: string }) => a.id)).toEqual(['liste-c', 'liste-b']);
    const cursor = encodeURIComponent(first.body.nextCursor);
    const second = await api(server.url, 'GET', `${path}?limit=2&cursor=${cursor}`, { headers: moderatorHeaders(s) });
    expect(second.body.articles.map((a: { id: string }) => a.id)).toEqual(['liste-a']);
    expect(second.body.nextCursor).toBeNull();
  });
});
