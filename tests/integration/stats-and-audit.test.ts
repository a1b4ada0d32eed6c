import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldSampleSlot, utcDay } from '../../core/stats/stats-fields.js';
import { sampleHeldQueues } from '../../workers/stats/sample-held-queue.js';
import { createTestSite, moderatorHeaders, postComment, type TestSite } from '../support/fixtures.js';
import { startInProcessWorker, waitUntil } from '../support/in-process-worker.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
let site: TestSite;
let other: TestSite;
const ids: string[] = [];
const get = (path: string, s: TestSite = site) => api(server.url, 'GET', `/api/v1/sites/${site.id}${path}`, { headers: moderatorHeaders(s) });

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  worker = await startInProcessWorker(server);
  site = await createTestSite(server, { thresholds: { toxicity: { hold: 0.5, reject: 1 } } });
  other = await createTestSite(server);
  const bodies = ['Tu es un vrai connard.', 'Espèce de connard, ferme-la.', 'Merci pour ce reportage sur les routes du nord.'];
  for (const [i, body] of bodies.entries()) {
    const res = await postComment(server, site, i < 2 ? 'budget' : 'routes', { body, author: { name: `Lecteur ${i}` } }, { 'x-device-id': `device-stats-${i}-abcdef` });
    ids.push(res.body.comment.id);
  }
  await waitUntil(() => get('/moderation/queue?status=held'), (r) => r.body.counts.held === 2 && r.body.counts.pending === 0, 20_000);
  await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${ids[0]}/approve`, { headers: moderatorHeaders(site), body: {} });
  await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${ids[1]}/reject`, { headers: moderatorHeaders(site), body: { reason: 'abuse' } });
}, 60_000);
afterAll(async () => {
  await worker?.close();
  await server?.close();
});

describe('statistics', () => {
  it('counts automatic and human decisions, the share scored toxic, the time to a human decision, per moderator and article', async () => {
    const today = utcDay(Date.now());
    const { body } = await get(`/stats?interval=week&from=${today}&to=${today}`);
    expect(body.totals).toMatchObject({ received: 3, autoApproved: 1, autoHeld: 2, humanApproved: 1, humanRejected: 1, scoredToxic: 2, scoredSpam: 0 });
    expect(body.totals.humanTimeToDecision.decisions).toBe(2);
    expect(body.totals.humanTimeToDecision.medianMs).toBeGreaterThan(0);
    expect(body.totals.humanTimeToDecision.p90Ms).toBeGreaterThanOrEqual(body.totals.humanTimeToDecision.medianMs);
    expect(body.totals.timeToDecision.decisions).toBe(3); // the automatic approval too
    expect(body.totals.decisionsByModerator[site.moderatorId]).toEqual({ approved: 1, rejected: 1 });
    expect(body.moderators[site.moderatorId]).toBe('Fatou');
    expect(body.articles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ articleId: 'budget', received: 2, held: 2, rejected: 1 }),
        expect.objectContaining({ articleId: 'routes', received: 1, held: 0, rejected: 0 }),
      ]),
    );
    expect(body.buckets).toHaveLength(1);
  });

  it('draws the held queue over time from the samples the workers take every 5 minutes, once per slot', async () => {
    const extra = await postComment(server, site, 'budget', { body: 'Ferme ta gueule, sale connard.', author: { name: 'Lecteur 9' } }, { 'x-device-id': 'device-stats-9-abcdef' });
    await waitUntil(() => get(`/comments/${extra.body.comment.id}`), (r) => r.body.comment.status === 'held');
    expect(await sampleHeldQueues(server.deps)).toBeGreaterThanOrEqual(1);
    expect(await sampleHeldQueues(server.deps)).toBe(0); // the slot has its sample
    const slot = heldSampleSlot(Date.now());
    const { body } = await get('/stats');
    expect(body.heldQueue.resolution).toBe('day'); // 30 days by default
    const today = body.heldQueue.points.find((p: { at: string }) => p.at.startsWith(utcDay(Date.now())));
    expect(today).toMatchObject({ held: 1 });
    const hourly = await get(`/stats?from=${utcDay(Date.now())}&to=${utcDay(Date.now())}`);
    expect(hourly.body.heldQueue).toMatchObject({ resolution: 'hour', points: [{ held: 1 }] });
    expect(hourly.body.heldQueue.points[0].at.slice(11, 13)).toBe(String(Math.floor((slot * 5) / 60)).padStart(2, '0'));
  });

  it("never shows one site's statistics or audit to another site's moderator, and refuses bad ranges", async () => {
    expect((await get('/stats', other)).status).toBe(403);
    expect((await get('/audit', other)).status).toBe(403);
    expect((await get('/stats?from=2026-02-10&to=2026-02-01')).status).toBe(400);
    expect((await get('/stats?from=2020-01-01&to=2026-01-01')).status).toBe(400);
    expect((await get('/stats?interval=month')).status).toBe(400);
  });
});

describe('the audit log', () => {
  it('filters by moderator, action, article and date, and links each comment entry to its article', async () => {
    const byAction = await get('/audit?action=comment.reject');
    expect(byAction.body.entries).toHaveLength(1);
    expect(byAction.body.entries[0]).toMatchObject({ action: 'comment.reject', target: { type: 'comment', id: ids[1], articleId: 'budget' } });
    const family = await get('/audit?action=comment.');
    expect(family.body.entries.map((e: { action: string }) => e.action).sort()).toEqual(['comment.approve', 'comment.reject']);
    expect((await get(`/audit?moderatorId=${site.moderatorId}`)).body.entries).toHaveLength(2);
    expect((await get('/audit?moderatorId=someone-else')).body.entries).toHaveLength(0);
    expect((await get('/audit?articleId=budget')).body.entries).toHaveLength(2);
    expect((await get('/audit?articleId=routes')).body.entries).toHaveLength(0);
    const today = utcDay(Date.now());
    expect((await get(`/audit?from=${today}&to=${today}`)).body.entries.length).toBeGreaterThanOrEqual(2);
    expect((await get('/audit?to=2020-01-01')).body.entries).toHaveLength(0);
  });

  it('pages through filtered entries with the cursor', async () => {
    const first = await get('/audit?action=comment.&limit=1');
    expect(first.body.entries).toHaveLength(1);
    expect(first.body.nextCursor).toBe(first.body.entries[0].id);
    const second = await get(`/audit?action=comment.&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.entries[0].id).not.toBe(first.body.entries[0].id);
    expect(second.body.nextCursor).toBeNull();
  });

  it('refuses malformed filters with validation_failed', async () => {
    for (const q of ['action=DROP', 'from=yesterday', 'cursor=abc', 'from=2026-02-02&to=2026-02-01', 'articleId=a%20b']) {
      const res = await get(`/audit?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });
});
