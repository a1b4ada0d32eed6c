import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readAudit } from '../../core/audit/audit-log.js';
import { requireComment } from '../../core/comments/comment-store.js';
import { startSurgeWatch } from '../../workers/surge/surge-watch.js';
import { createTestSite, moderatorHeaders, postComment, type TestSite, wordOf } from '../support/fixtures.js';
import { startInProcessWorker, waitUntil } from '../support/in-process-worker.js';
import { connect, connected, type RecordingSocket } from '../support/sockets.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
const open: RecordingSocket[] = [];

// 10 comments within two minutes, with no history, is a surge; it lasts 2 s
const SURGE = { enabled: true, minComments: 10, rateMultiplier: 5, windowSeconds: 120, baselineSeconds: 600, durationSeconds: 2 };

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  worker = await startInProcessWorker(server);
});
afterEach(() => {
  while (open.length) open.pop()!.close();
});
afterAll(async () => {
  await worker?.close();
  await server?.close();
});

async function subscribedModerator(site: TestSite): Promise<RecordingSocket> {
  const s = connect(server.url, '/moderation', { token: site.moderatorToken });
  open.push(s);
  await connected(s);
  await s.request('subscribe', { siteId: site.id });
  return s;
}

/** A clean comment from its own reader (device), so author velocity never holds it. */
function post(site: TestSite, articleId: string, n: number) {
  const device = `reader-${n.toString().padStart(6, '0')}-${Math.random().toString(36).slice(2, 8)}`;
  return postComment(server, site, articleId, { body: `Réaction ${wordOf(n)} numéro ${n} : le quartier attend des réponses.`, author: { name: `Lecteur ${n}` } }, {
    'x-device-id': device,
  });
}

const decided = (site: TestSite, commentId: string) =>
  waitUntil(() => requireComment(server.deps, site.id, commentId), (c) => c.status !== 'pending');

describe('surge protection', () => {
  it('switches a bursting article to pre-moderation with the figures, then back once the surge ends', async () => {
    const site = await createTestSite(server, { surge: SURGE });
    const m = await subscribedModerator(site);
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => post(site, 'incendie-marche', i)));
    expect(burst.every((r) => r.status === 202)).toBe(true);

    const started = await m.waitFor('surge.started', (p) => p.article.id === 'incendie-marche');
    expect(started.figures).toMatchObject({ windowSeconds: 120, baselineCount: 0, baseline: 0, trigger: 'rate' });
    expect(started.figures.windowCount).toBeGreaterThanOrEqual(10);
    expect(started.figures.rate).toBe(started.figures.windowCount / 2);
    expect(Date.parse(started.until) - Date.parse(started.startedAt)).toBe(2000);

    // a clean comment is held on the surging article, published on a calm one
    const during = await decided(site, (await post(site, 'incendie-marche', 100)).body.comment.id);
    const calm = await decided(site, (await post(site, 'recette-du-jour', 101)).body.comment.id);
    expect(during.status).toBe('held');
    expect(during.reasons?.at(-1)?.code).toBe('surge_pre_moderation');
    expect(calm.status).toBe('approved');
    const article = await api(server.url, 'GET', `/api/v1/sites/${site.id}/articles/incendie-marche`, { headers: moderatorHeaders(site) });
    expect(article.body.article.surge).toEqual({ startedAt: started.startedAt, until: started.until });

    // nobody comments any more: the periodic check ends the surge on time
    const watch = startSurgeWatch(server.deps, 200);
    try {
      const ended = await m.waitFor('surge.ended', (p) => p.article.id === 'incendie-marche', 8000);
      expect(Date.parse(ended.endedAt)).toBeGreaterThanOrEqual(Date.parse(started.until));
      expect(ended.startedAt).toBe(started.startedAt);
    } finally {
      watch.stop();
    }
    expect(m.events.filter((e) => e.name === 'surge.started')).toHaveLength(1);

    const { entries } = await readAudit(server.deps, site.id, { limit: 50 });
    const switches = entries.filter((e) => e.target.type === 'article').map((e) => [e.action, e.actor.kind]);
    expect(switches).toEqual([
      ['article.surge_end', 'system'],
      ['article.surge_start', 'system'],
    ]);
    const after = await api(server.url, 'GET', `/api/v1/sites/${site.id}/articles/incendie-marche`, { headers: moderatorHeaders(site) });
    expect(after.body.article.surge).toBeNull();
  });

  it('leaves an article alone below the thresholds, and every article alone when surges are off', async () => {
    const quiet = await createTestSite(server, { surge: SURGE });
    const off = await createTestSite(server, { surge: { ...SURGE, enabled: false } });
    const posts = await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => post(quiet, 'calme', i)),
      ...Array.from({ length: 12 }, (_, i) => post(off, 'sans-protection', i)),
    ]);
    const sites = [...Array(8).fill(quiet), ...Array(12).fill(off)] as TestSite[];
    const statuses = await Promise.all(posts.map((p, i) => decided(sites[i]!, p.body.comment.id).then((c) => c.status)));
    expect(statuses.every((s) => s === 'approved')).toBe(true);
    const rate = await server.deps.redis.exists(server.deps.keys.articleRate(off.id, 'sans-protection'));
    expect(rate).toBe(0); // nothing counted when the site does not watch
  });
});
