import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommentsClient } from '../../client-sdk/src/index.js';
import { createTestSite, moderatorHeaders, postComment, type TestSite } from '../support/fixtures.js';
import { startInProcessWorker, waitUntil } from '../support/in-process-worker.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
let site: TestSite;
const admin = () => ({ authorization: `Bearer ${server.adminToken}` });
const get = (path: string, headers = moderatorHeaders(site)) => api(server.url, 'GET', `/api/v1/sites/${site.id}${path}`, { headers });

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  worker = await startInProcessWorker(server);
  site = await createTestSite(server, { mode: 'pre' }); // every comment waits in the held queue
  const post = (articleId: string, body: string, section: string, i: number) =>
    postComment(server, site, articleId, { body, author: { name: `Lecteur ${i}` }, article: { title: `Titre ${articleId}`, section } }, { 'x-device-id': `device-sec-${i}-abcdef` });
  await post('elections', 'La participation sera décisive.', 'Politique', 1);
  await post('elections', 'Un second avis sur le scrutin.', 'Sport', 2); // the first comment's section stays
  await post('can-2027', 'Les Étalons vont gagner la coupe.', 'Sport', 3);
  await post('meteo', 'Il pleut enfin sur Niamey.', '  Société ', 4);
  await waitUntil(() => get('/moderation/queue?status=held'), (r) => r.body.counts.held === 4, 20_000);
}, 60_000);
afterAll(async () => {
  await worker?.close();
  await server?.close();
});

describe('sections', () => {
  it('keeps the section the first comment sent with the article, trimmed, and lists the sections', async () => {
    expect((await get('/articles/elections')).body.article).toMatchObject({ section: 'Politique', title: 'Titre elections' });
    expect((await get('/articles/meteo')).body.article.section).toBe('Société');
    expect((await get('/sections')).body.sections).toEqual(
      expect.arrayContaining([{ section: 'Politique', articles: 1 }, { section: 'Sport', articles: 1 }, { section: 'Société', articles: 1 }]),
    );
  });

  it('filters every queue, the article list and the statistics by section', async () => {
    const sport = await get(`/moderation/queue?status=held&section=${encodeURIComponent('Sport')}`);
    expect(sport.body.comments.map((c: { articleId: string }) => c.articleId)).toEqual(['can-2027']);
    expect(sport.body.articles['can-2027']).toMatchObject({ section: 'Sport' });
    const politique = await get('/moderation/queue?status=held&section=Politique');
    expect(politique.body.comments).toHaveLength(2);
    expect((await get('/articles?section=Sport')).body.articles.map((a: { id: string }) => a.id)).toEqual(['can-2027']);
    const stats = await get('/stats');
    expect(stats.body.sections).toEqual(
      expect.arrayContaining([expect.objectContaining({ section: 'Politique', received: 2, autoHeld: 2 }), expect.objectContaining({ section: 'Sport', received: 1, autoHeld: 1 })]),
    );
  });

  it('lets a site admin move an article to another section, which the queues follow, and refuses a moderator', async () => {
    const byModerator = await api(server.url, 'PATCH', `/api/v1/sites/${site.id}/articles/meteo`, { headers: moderatorHeaders(site), body: { section: 'Sport' } });
    expect(byModerator.status).toBe(403);
    expect(byModerator.body.error.code).toBe('forbidden');
    const moved = await api(server.url, 'PATCH', `/api/v1/sites/${site.id}/articles/meteo`, { headers: admin(), body: { section: 'Sport' } });
    expect(moved.status).toBe(200);
    expect(moved.body.article.section).toBe('Sport');
    const sport = await get('/moderation/queue?status=held&section=Sport');
    expect(sport.body.comments.map((c: { articleId: string }) => c.articleId).sort()).toEqual(['can-2027', 'meteo']);
    expect((await get('/sections')).body.sections).toContainEqual({ section: 'Sport', articles: 2 });
    expect((await get('/sections')).body.sections.find((s: { section: string }) => s.section === 'Société')).toBeUndefined();
    const audit = await get('/audit?action=article.update');
    expect(audit.body.entries[0]).toMatchObject({ target: { type: 'article', id: 'meteo' }, after: { section: 'Sport' } });
    // null takes it out of every section
    await api(server.url, 'PATCH', `/api/v1/sites/${site.id}/articles/meteo`, { headers: admin(), body: { section: null } });
    expect((await get('/articles/meteo')).body.article.section).toBeNull();
  });

  it('lists every status of an article with status=all, and refuses all without an article or author', async () => {
    const all = await get('/moderation/queue?status=all&articleId=elections');
    expect(all.body.comments).toHaveLength(2);
    const refused = await get('/moderation/queue?status=all');
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('validation_failed');
  });

  it('takes the section the SDK sends with the title and url', async () => {
    const reader = createCommentsClient({ url: server.url, siteId: site.id, siteKey: site.publicKey, deviceId: 'device-sdk-section-1' });
    await reader.post('legislatives', { body: 'Un avis sur le scrutin.', author: { name: 'Awa' }, article: { title: 'Législatives', url: 'https://www.journal-test.example/legislatives', section: 'Politique' } });
    expect((await get('/articles/legislatives')).body.article).toMatchObject({ title: 'Législatives', section: 'Politique' });
  });

  it('refuses a section that is empty or too long', async () => {
    expect((await get('/moderation/queue?section=')).status).toBe(400);
    const long = await api(server.url, 'PATCH', `/api/v1/sites/${site.id}/articles/meteo`, { headers: admin(), body: { section: 'x'.repeat(61) } });
    expect(long.status).toBe(400);
    const bad = await postComment(server, site, 'x', { body: 'Bonjour', author: { name: 'A' }, article: { section: '' } });
    expect(bad.status).toBe(400);
  });
});
