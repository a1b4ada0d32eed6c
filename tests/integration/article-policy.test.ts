import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireComment } from '../../core/comments/comment-store.js';
import { createTestSite, moderatorHeaders, postComment, type TestSite } from '../support/fixtures.js';
import { startInProcessWorker, waitUntil } from '../support/in-process-worker.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let site: TestSite;
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server);
  worker = await startInProcessWorker(server);
});
afterAll(async () => {
  await worker?.close();
  await server?.close();
});

const patchArticle = (articleId: string, body: unknown) =>
  api(server.url, 'PATCH', `/api/v1/sites/${site.id}/articles/${articleId}`, { headers: moderatorHeaders(site), body });

/** Posts a clean comment and waits for the worker's decision. */
async function decided(articleId: string, body: string, name: string) {
  const posted = await postComment(server, site, articleId, { body, author: { name } });
  expect(posted.status).toBe(202);
  return waitUntil(
    () => requireComment(server.deps, site.id, posted.body.comment.id),
    (c) => c.status !== 'pending',
  );
}

describe('per-article policy override', () => {
  it('holds a clean comment on a pre-moderated article while a clean comment on another article is published', async () => {
    const res = await patchArticle('deces-ministre', { policy: { mode: 'pre' } });
    expect(res.status).toBe(200);
    expect(res.body.article.policy).toEqual({ mode: 'pre' });

    const sensitive = await decided('deces-ministre', 'Mes condoléances à la famille.', 'Awa');
    const ordinary = await decided('meteo-semaine', 'Enfin de la pluie pour les champs.', 'Koffi');
    expect(sensitive.status).toBe('held');
    expect(sensitive.reasons?.at(-1)).toMatchObject({ code: 'article_pre_moderation' });
    expect(sensitive.decision?.mode).toBe('pre');
    expect(ordinary.status).toBe('approved');
  });

  it('publishes again once the override is removed', async () => {
    await patchArticle('elections', { policy: { mode: 'pre' } });
    expect((await decided('elections', 'Bonne participation ce matin.', 'Awa')).status).toBe('held');
    const cleared = await patchArticle('elections', { policy: null });
    expect(cleared.body.article.policy).toBeNull();
    expect((await decided('elections', 'Les bureaux ferment à 18 h.', 'Moussa')).status).toBe('approved');
  });
});
