import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'bullmq';
import { createRedis } from '../../core/redis/connection.js';
import { createLearningWorker } from '../../workers/learning-worker.js';
import { adaptationInfo } from '../../core/learning/site-adaptation-store.js';
import { rejectedTextCount } from '../../core/learning/rejected-text-store.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, moderatorHeaders, postComment, type TestSite } from '../support/fixtures.js';
import { startInProcessWorker, waitUntil } from '../support/in-process-worker.js';

let server: TestServer;
let site: TestSite;
let learning: Worker;
let moderation: Awaited<ReturnType<typeof startInProcessWorker>>;
const connection = () => createRedis(process.env.TEST_REDIS_URL, { maxRetriesPerRequest: null, commandTimeout: undefined });

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server, { velocity: { maxComments: 1000, perSeconds: 1 } });
  learning = createLearningWorker(server.deps, connection());
  moderation = await startInProcessWorker(server);
});
afterAll(async () => {
  await learning.close();
  await moderation.close();
  await server.close();
});

const get = (id: string, on: TestSite = site) => api(server.url, 'GET', `/api/v1/sites/${on.id}/comments/${id}`, { headers: moderatorHeaders(on) });
async function postAndDecide(body: string, device: string, on: TestSite = site) {
  const posted = await postComment(server, on, 'learn', { body, author: { name: 'L' } }, { 'x-device-id': device });
  return (await waitUntil(() => get(posted.body.comment.id, on), (r) => r.body.comment.status !== 'pending')).body.comment;
}

describe('learning from moderators, through the real queues', () => {
  it("moves the site's scores toward its moderators' rejections", async () => {
    const slur = (i: number) => `Encore un gbêkêlê numéro ${i} qui parle sans savoir`;
    const first = await postAndDecide(slur(0), 'device-learn-000');
    expect(first.status).toBe('approved'); // the shipped scorers do not know the word
    // moderators reject each one the checks let through, until the site has learned to refuse them
    let lessons = 0;
    let refusedAlone = 0;
    for (let i = 1; i <= 30; i++) {
      const c = await postAndDecide(slur(i), `device-learn-${String(i).padStart(3, '0')}`);
      if (c.status === 'rejected') {
        refusedAlone++;
        continue;
      }
      const res = await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${c.id}/reject`, {
        headers: moderatorHeaders(site),
        body: { reason: 'abuse' },
      });
      expect(res.status).toBe(200);
      lessons++;
      // the next comment is scored with this lesson applied (workers notice a first lesson within 2 s)
      await waitUntil(() => adaptationInfo(server.deps, site.id), (a) => a.attributes.toxicity.updates >= lessons, 10_000);
      if (lessons === 1) await new Promise((r) => setTimeout(r, 2100));
    }
    expect(lessons).toBeGreaterThanOrEqual(3); // a few lessons, not one: a single decision does not flip a site
    expect(refusedAlone).toBeGreaterThan(0);
    const info = await waitUntil(() => adaptationInfo(server.deps, site.id), (i) => i.attributes.toxicity.updates >= lessons, 20_000);
    expect(info.attributes.toxicity.updates).toBe(lessons);
    await new Promise((r) => setTimeout(r, 2100)); // workers look for a new adaptation every 2 s
    const later = await postAndDecide('Encore un gbêkêlê qui parle', 'device-learn-999');
    expect(later.scores.toxicity).toBeGreaterThan(first.scores.toxicity ?? 0);
    expect(later.status).not.toBe('approved');
    expect(later.reasons.map((r: { code: string }) => r.code)).toContain('site_adaptation');

    const shown = await api(server.url, 'GET', `/api/v1/sites/${site.id}/adaptation`, { headers: moderatorHeaders(site) });
    expect(shown.body.attributes.toxicity.updates).toBe(lessons);
    const denied = await api(server.url, 'DELETE', `/api/v1/sites/${site.id}/adaptation`, { headers: moderatorHeaders(site) });
    expect(denied.status).toBe(403); // a plain moderator may not erase the site's lessons
    const reset = await api(server.url, 'DELETE', `/api/v1/sites/${site.id}/adaptation`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    expect(reset.body).toMatchObject({ version: shown.body.version + 1, attributes: { toxicity: { updates: 0 } } });
  }, 60_000);

  it('holds a copy of a comment a moderator rejected, naming that decision, with lessons kept across a learning worker restart', async () => {
    const site = await createTestSite(server, { velocity: { maxComments: 1000, perSeconds: 1 } });
    const original = 'Ces gens du quartier nord sont des parasites qui vivent sur notre dos depuis trop longtemps';
    const first = await postAndDecide(original, 'device-copy-001', site);
    const rejected = await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${first.id}/reject`, { headers: moderatorHeaders(site), body: { reason: 'abuse' } });
    expect(rejected.status).toBe(200);
    const before = await waitUntil(() => adaptationInfo(server.deps, site.id), (a) => a.attributes.toxicity.updates >= 1);
    expect(await waitUntil(() => rejectedTextCount(server.deps, site.id), (n) => n >= 1)).toBe(1);

    // the learning worker stops and a new one starts on a new connection: nothing learned is lost
    await learning.close();
    learning = createLearningWorker(server.deps, connection());
    const fine = await postAndDecide('Merci pour ce reportage sur le marché de Bamako, très instructif', 'device-copy-002', site);
    if (fine.status !== 'approved') {
      expect((await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${fine.id}/approve`, { headers: moderatorHeaders(site), body: {} })).status).toBe(200);
    } else {
      // a comment the checks approved, approved again by a moderator, is one lesson: take it through the same route
      const held = await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${fine.id}/reject`, { headers: moderatorHeaders(site), body: { reason: 'off_topic' } });
      expect(held.status).toBe(200);
      expect((await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${fine.id}/approve`, { headers: moderatorHeaders(site), body: {} })).status).toBe(200);
    }
    const after = await waitUntil(() => adaptationInfo(server.deps, site.id), (a) => a.attributes.toxicity.updates >= before.attributes.toxicity.updates + 1);
    expect(after.attributes.toxicity.updates).toBe(before.attributes.toxicity.updates + 1);
    expect(await rejectedTextCount(server.deps, site.id)).toBe(1);

    await new Promise((r) => setTimeout(r, 2100)); // workers look for a new adaptation every 2 s
    const copy = await postAndDecide('ces gens du quartier NORD sont des parasites, qui vivent sur notre dos depuis trop longtemps !!', 'device-copy-003', site);
    expect(copy.status).toBe('held');
    const reason = copy.reasons.find((r: { code: string }) => r.code === 'copies_rejected');
    expect(reason).toMatchObject({ check: 'rejectedCopy', matches: { commentId: first.id, reason: 'abuse' } });
    expect(reason.message).toContain(first.id);
    // what the moderators decided stays as they decided it
    expect((await get(first.id, site)).body.comment.status).toBe('rejected');
    expect((await get(fine.id, site)).body.comment.status).toBe('approved');
  }, 60_000);
});
