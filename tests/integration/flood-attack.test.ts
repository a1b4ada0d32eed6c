import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseSiteAlert } from '../../core/alerts/raise-alert.js';
import { createRedis } from '../../core/redis/connection.js';
import { getSite } from '../../core/sites/site-store.js';
import { solveProofOfWork } from '../../client-sdk/src/proof-of-work.js';
import { startAlerting, type Alerting } from '../../workers/alerts/start-alerting.js';
import { createModerationWorker } from '../../workers/moderation-worker.js';
import type { DecisionDeps } from '../../workers/decision/decision-deps.js';
import { endQuietAttacks } from '../../workers/flood/end-attacks.js';
import { workerRegistry } from '../../workers/metrics/worker-metrics.js';
import { createTestSite, moderatorHeaders, postComment, type TestSite } from '../support/fixtures.js';
import { waitUntil } from '../support/in-process-worker.js';
import { connect, connected, type RecordingSocket } from '../support/sockets.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const SECRET = 'whsec_flood_0123456789abcdef';
const CAMPAIGN = ['Votez pour le candidat du peuple, lui seul sauvera la patrie', 'la patrie : lui seul sauvera ! Votez pour le candidat du peuple 2027'];

let server: TestServer;
let connection: ReturnType<typeof createRedis>;
let alerting: Alerting;
let worker: Worker;
let receiver: WebhookReceiver;
let deps: DecisionDeps;
let site: TestSite;
let moderator: RecordingSocket;

beforeAll(async () => {
  server = await startTestServer();
  connection = createRedis(server.config.REDIS_URL, { maxRetriesPerRequest: null, commandTimeout: undefined });
  const base = { ...server.deps, siteOf: (id: string) => getSite(server.deps, id), webhookBackoffMs: 100 };
  alerting = startAlerting(base, connection, server.deps.log);
  deps = { ...base, raiseAlert: raiseSiteAlert.bind(null, { ...base, webhookQueue: alerting.webhookQueue }) };
  worker = createModerationWorker(deps, server.config, connection);
  await Promise.all([worker.waitUntilReady(), alerting.worker.waitUntilReady()]);
  receiver = await startWebhookReceiver(SECRET);
  site = await createTestSite(server, {
    flood: { textCampaignAuthors: 3, attackMinComments: 4, attackQuietSeconds: 60, challengeCost: 10, challengeMaxNumber: 40 },
    alerts: { webhooks: { newsroom: { url: receiver.url, secret: SECRET, events: ['attack.started', 'attack.ended'] } } },
  });
  moderator = connect(server.url, '/moderation', { token: site.moderatorToken });
  await connected(moderator);
  expect((await moderator.request('subscribe', { siteId: site.id })).ok).toBe(true);
});
afterAll(async () => {
  moderator?.close();
  await receiver?.close();
  await worker?.close();
  await alerting?.close();
  connection?.disconnect();
  await server?.close();
});

/** Posts as the SDK does: solves the proof of work when the gate asks for one. */
async function post(articleId: string, device: string, body: string) {
  const send = (extra: Record<string, string> = {}) =>
    postComment(server, site, articleId, { body, author: { name: 'Patriote' }, composeMs: 9000 }, { 'x-device-id': device, ...extra });
  const first = await send();
  if (first.status !== 403) return first;
  return send({ 'x-palabre-challenge': await solveProofOfWork(first.body.error.details.challenge) });
}

const statusOf = async (id: string) =>
  (await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${id}`, { headers: moderatorHeaders(site) })).body.comment;

describe('a text campaign', () => {
  const ids: string[] = [];

  it('holds the same or near-same text from many authors with the text_campaign reason', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await post('election', `device-campaign-${i}-xyz`, CAMPAIGN[i % 2]!);
      expect(res.status).toBe(202);
      ids.push(res.body.comment.id);
    }
    const decided = await waitUntil(() => Promise.all(ids.map(statusOf)), (cs) => cs.every((c) => c.status !== 'pending'));
    // the first two authors are not yet a campaign; from the third on, every copy is held
    for (const c of decided.slice(2)) {
      expect(c.status).toBe('held');
      expect(c.reasons.map((r: { code: string }) => r.code)).toContain('text_campaign');
    }
    expect(new Set(decided.map((c) => c.textGroup)).size).toBe(1);
  });

  it('asks new readers of the campaign article for a proof of work', async () => {
    const res = await postComment(server, site, 'election', { body: 'Je découvre ce débat.', author: { name: 'Nouveau' } }, { 'x-device-id': 'device-newcomer-1' });
    expect(res.status).toBe(403);
    expect(res.body.error.details.triggers).toContain('article');
  });

  it('starts an attack: moderators get attack.started and the newsroom a signed webhook with the figures', async () => {
    const event = await moderator.waitFor('attack.started');
    expect(event.figures.signals.text_campaign).toBeGreaterThanOrEqual(4);
    expect(event.figures.articles[0]).toMatchObject({ id: 'election' });
    const hook = await waitUntil(async () => receiver.accepted().find((d) => d.body?.type === 'attack.started'), (d) => d !== undefined);
    expect(hook?.verified).toBe(true);
    expect(hook?.body.data.figures.flagged).toBeGreaterThanOrEqual(4);
    const state = await api(server.url, 'GET', `/api/v1/sites/${site.id}/attack`, { headers: moderatorHeaders(site) });
    expect(state.body.attack.figures.signals.text_campaign).toBeGreaterThanOrEqual(4);
    const metrics = await workerRegistry.getSingleMetricAsString('palabre_flood_signals_total');
    expect(metrics).toMatch(/palabre_flood_signals_total\{signal="text_campaign"\} [4-9]/);
  });

  it('groups the held copies so one decision rejects the wave, and undoes it', async () => {
    const groups = await api(server.url, 'GET', `/api/v1/sites/${site.id}/moderation/groups`, { headers: moderatorHeaders(site) });
    expect(groups.status).toBe(200);
    const [wave] = groups.body.groups;
    expect(wave).toMatchObject({ count: 4, authors: 4, articleIds: ['election'] });
    const decided = await api(server.url, 'POST', `/api/v1/sites/${site.id}/moderation/groups/${wave.key}/decide`, {
      headers: moderatorHeaders(site),
      body: { action: 'reject', reason: { code: 'spam' } },
    });
    expect(decided.body).toMatchObject({ action: 'reject', failed: [] });
    expect(decided.body.decided).toHaveLength(4);
    for (const id of decided.body.decided) expect((await statusOf(id)).status).toBe('rejected');

    const undone = await api(server.url, 'POST', `/api/v1/sites/${site.id}/moderation/groups/undo`, {
      headers: moderatorHeaders(site),
      body: { commentIds: decided.body.decided },
    });
    expect(undone.body).toMatchObject({ failed: [] });
    for (const id of decided.body.decided) expect((await statusOf(id)).status).toBe('held');
  });

  it('ends the attack once quiet: attack.ended with the totals', async () => {
    expect(await endQuietAttacks(deps, [site.id])).toBe(0); // not quiet yet
    const later = { ...deps, now: () => Date.now() + 61_000 };
    expect(await endQuietAttacks(later, [site.id])).toBe(1);
    const event = await moderator.waitFor('attack.ended');
    expect(event.figures.flagged).toBeGreaterThanOrEqual(4);
    const hook = await waitUntil(async () => receiver.accepted().find((d) => d.body?.type === 'attack.ended'), (d) => d !== undefined);
    expect(hook?.body.data.startedAt).toBe(event.startedAt);
    const state = await api(server.url, 'GET', `/api/v1/sites/${site.id}/attack`, { headers: moderatorHeaders(site) });
    expect(state.body.attack).toBeNull();
  });
});
