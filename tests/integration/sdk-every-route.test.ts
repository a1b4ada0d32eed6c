import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommentsClient, createModeratorClient, isHttpError } from '../../client-sdk/src/index.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
});
afterAll(() => server.close());

const admin = () => createModeratorClient({ url: server.url, token: server.adminToken });

describe('the SDK reaches every route', () => {
  it('is generated from the document the server serves', async () => {
    const served = (await api(server.url, 'GET', '/api/v1/openapi.json')).body;
    expect(served).toEqual(JSON.parse(readFileSync('client-sdk/openapi.json', 'utf8')));
  });

  it('has one typed method per operation of the API', async () => {
    const served = (await api(server.url, 'GET', '/api/v1/openapi.json')).body as { paths: Record<string, Record<string, { operationId: string }>> };
    const operations = Object.entries(served.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([, ops]) => Object.values(ops).map((op) => op.operationId));
    expect(Object.keys(admin().api).sort()).toEqual(operations.sort());
  });

  it('creates a site and a moderator, then moderates, bans and unbans, reads statistics, audit and articles, exports and erases an author', async () => {
    const root = admin();
    const site = await root.api.createSite({ body: { name: 'La Gazette', origins: ['https://gazette.example'] } });
    const { token } = await root.api.createModerator({ path: { siteId: site.id }, body: { name: 'Aïcha', role: 'admin' } });
    const mod = createModeratorClient({ url: server.url, token });
    const reader = createCommentsClient({ url: server.url, siteId: site.id, siteKey: site.publicKey, deviceId: 'every-route-device' });

    const first = await reader.post('elections-2027', { body: 'Premier avis', author: { name: 'Awa' }, article: { title: 'Élections 2027' } });
    const second = await reader.post('elections-2027', { body: 'Second avis', author: { name: 'Awa' } });
    const { results } = await mod.api.bulkModerate({ path: { siteId: site.id }, body: { action: 'approve', commentIds: [first.id, second.id] } });
    expect(results.map((r) => r.ok)).toEqual([true, true]);

    const authorId = first.author.id;
    await mod.ban(site.id, authorId, { reason: 'test' });
    const unbanned = await mod.api.unbanAuthor({ path: { siteId: site.id, authorId } });
    expect(unbanned.author.banned).toBe(false);

    const stats = await mod.api.siteStats({ path: { siteId: site.id } });
    expect(stats).toBeTruthy();
    const audit = await mod.api.auditLog({ path: { siteId: site.id }, query: { limit: 10 } });
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['comment.approve', 'author.ban', 'author.unban']));
    const { articles } = await mod.api.listArticles({ path: { siteId: site.id } });
    expect(articles.map((a) => [a.id, a.title])).toEqual([['elections-2027', 'Élections 2027']]);
    const closed = await mod.api.updateArticle({ path: { siteId: site.id, articleId: 'elections-2027' }, body: { closed: true } });
    expect(closed.article.closed).toBe(true);

    const exported = await mod.api.exportAuthorData({ path: { siteId: site.id, authorId } });
    expect(exported.comments.map((c) => c.id).sort()).toEqual([first.id, second.id].sort());
    const erased = await mod.api.eraseAuthor({ path: { siteId: site.id, authorId } });
    expect(erased.erased.comments).toBe(2);
    expect((await reader.list('elections-2027')).comments).toEqual([]);

    const settings = await mod.api.getSite({ path: { siteId: site.id } });
    expect(settings.name).toBe('La Gazette');
  });

  it('throws the API error code as a typed error', async () => {
    const mod = admin();
    const err = await mod.api.getSite({ path: { siteId: '01JD3Q8X2V6N4K7M9P1R5T0W2Y' } }).catch((e: unknown) => e);
    expect(isHttpError(err, 'site_not_found')).toBe(true);
    expect(isHttpError(err, 'forbidden')).toBe(false);
  });
});

