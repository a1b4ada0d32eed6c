import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { raiseSiteAlert } from '../../core/alerts/raise-alert.js';
import { verifyWebhookSignature } from '../../core/alerts/webhook-signature.js';
import { createRedis } from '../../core/redis/connection.js';
import { getSite } from '../../core/sites/site-store.js';
import { startAlerting, type Alerting } from '../../workers/alerts/start-alerting.js';
import { watchQueues, type WatcherDeps } from '../../workers/alerts/queue-watcher.js';
import { createTestSite, postComment, type TestSite } from '../support/fixtures.js';
import { startInProcessWorker, waitUntil } from '../support/in-process-worker.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const SECRET = 'whsec_test_0123456789abcdef';

let server: TestServer;
let alerting: Alerting;
let connection: ReturnType<typeof createRedis>;
let watcherDeps: WatcherDeps;
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  connection = createRedis(server.config.REDIS_URL, { maxRetriesPerRequest: null, commandTimeout: undefined });
  // no site cache: a policy patched by a test applies to its very next delivery
  const deps = { ...server.deps, siteOf: (id: string) => getSite(server.deps, id), webhookBackoffMs: 100 };
  alerting = startAlerting(deps, connection, server.deps.log);
  await alerting.worker.waitUntilReady();
  watcherDeps = { ...deps, webhookQueue: alerting.webhookQueue };
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});
afterAll(async () => {
  await alerting.close();
  connection.disconnect();
  await server.close();
});

const admin = () => ({ authorization: `Bearer ${server.adminToken}` });

async function receiver(answers: number[] = []): Promise<WebhookReceiver> {
  const r = await startWebhookReceiver(SECRET, answers);
  receivers.push(r);
  return r;
}

/** A site whose `newsroom` webhook posts to `url`, with the given alert thresholds. */
async function siteWithWebhook(url: string, alerts: Record<string, unknown> = {}, policy: Record<string, unknown> = {}): Promise<TestSite> {
  const site = await createTestSite(server, policy);
  const res = await api(server.url, 'PATCH', `/api/v1/sites/${site.id}`, {
    headers: admin(),
    body: { policy: { alerts: { webhooks: { newsroom: { url, secret: SECRET } }, ...alerts } } },
  });
  if (res.status !== 200) throw new Error(`PATCH site: ${res.status} ${JSON.stringify(res.body)}`);
  return site;
}

describe('alert webhooks', () => {
  it('are set over the site admin API, with the secret redacted from the audit log', async () => {
    const r = await receiver();
    const site = await siteWithWebhook(r.url, { queueOver: 50, heldOlderThanMinutes: 30 });
    const got = await api(server.url, 'GET', `/api/v1/sites/${site.id}`, { headers: admin() });
    expect(got.body.policy.alerts).toMatchObject({
      queueOver: 50,
      heldOlderThanMinutes: 30,
      cooldownMinutes: 30,
      webhooks: { newsroom: { url: r.url, enabled: true, events: ['queue.over', 'held.too_old', 'surge.started', 'surge.ended', 'attack.started', 'attack.ended'] } },
    });
    const audit = await api(server.url, 'GET', `/api/v1/sites/${site.id}/audit`, { headers: admin() });
    const update = audit.body.entries.find((e: any) => e.action === 'site.update');
    expect(update.after.policy.alerts.webhooks.newsroom.secret).toBe('[redacted]');
    expect(JSON.stringify(audit.body)).not.toContain(SECRET);
  });

  it('turns a webhook off without sending its secret again, and removes it with null', async () => {
    const r = await receiver();
    const site = await siteWithWebhook(r.url);
    const path = `/api/v1/sites/${site.id}`;
    const off = await api(server.url, 'PATCH', path, { headers: admin(), body: { policy: { alerts: { webhooks: { newsroom: { enabled: false } } } } } });
    expect(off.status).toBe(200);
    expect(off.body.policy.alerts.webhooks.newsroom).toMatchObject({ enabled: false, secret: SECRET });
    const gone = await api(server.url, 'PATCH', path, { headers: admin(), body: { policy: { alerts: { webhooks: { newsroom: null } } } } });
    expect(gone.body.policy.alerts.webhooks).toEqual({});
  });

  it('refuses a URL that is not http(s), carries credentials, or a webhook without a secret', async () => {
    const site = await createTestSite(server);
    const patch = (webhook: unknown) =>
      api(server.url, 'PATCH', `/api/v1/sites/${site.id}`, { headers: admin(), body: { policy: { alerts: { webhooks: { desk: webhook } } } } });
    for (const url of ['file:///etc/passwd', 'gopher://127.0.0.1:6379/_FLUSHALL', 'ftp://example.org/x', 'https://user:pw@example.org/']) {
      const res = await patch({ url, secret: SECRET });
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const noSecret = await patch({ url: 'https://hooks.example.org/palabre' });
    expect(noSecret.status).toBe(400);
    expect(noSecret.body.error.code).toBe('validation_failed');
  });

  it('delivers a surge alert signed with HMAC-SHA256 that the receiver verifies', async () => {
    const r = await receiver();
    const site = await siteWithWebhook(r.url);
    const data = { articleId: 'budget-2027', perFiveMinutes: 42, baselinePerFiveMinutes: 3 };
    const sent = await raiseSiteAlert(watcherDeps, site.id, { type: 'surge.started', data });
    await waitUntil(async () => r.deliveries.length, (n) => n >= 1);
    const [d] = r.deliveries;
    expect(d!.verified).toBe(true);
    expect(d!.body).toEqual({ id: sent!.id, type: 'surge.started', siteId: site.id, occurredAt: sent!.occurredAt, data });
    expect(d!.headers['x-palabre-event']).toBe('surge.started');
    expect(d!.headers['x-palabre-delivery']).toBe(sent!.id);
    // the signature binds the body and the time: a changed body or an old timestamp fails
    const header = d!.headers['x-palabre-signature'] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(SECRET, header, d!.raw.replace('42', '43'), Date.now() / 1000)).toBe(false);
    expect(verifyWebhookSignature(SECRET, header, d!.raw, Date.now() / 1000 + 3600)).toBe(false);
    expect(verifyWebhookSignature('another-secret-0123456789', header, d!.raw, Date.now() / 1000)).toBe(false);
  });

  it('retries a failing receiver with backoff until it accepts, with the same alert id', async () => {
    const r = await receiver([500, 503]);
    const site = await siteWithWebhook(r.url);
    const sent = await raiseSiteAlert(watcherDeps, site.id, { type: 'surge.started', data: { articleId: 'a1' } });
    await waitUntil(async () => r.accepted().length, (n) => n >= 1, 15_000);
    expect(r.deliveries.map((d) => d.answered)).toEqual([500, 503, 200]);
    expect(new Set(r.deliveries.map((d) => d.body.id))).toEqual(new Set([sent!.id]));
    expect(r.deliveries.map((d) => d.headers['x-palabre-attempt'])).toEqual(['1', '2', '3']);
    // exponential backoff from 100 ms: at least 100 ms, then at least 200 ms between attempts
    const [t1, t2, t3] = r.deliveries.map((d) => d.at);
    expect(t2! - t1!).toBeGreaterThanOrEqual(90);
    expect(t3! - t2!).toBeGreaterThanOrEqual(190);
  });

  it('sends only the alert types a webhook subscribes to, and nothing to a disabled one', async () => {
    const r = await receiver();
    const site = await siteWithWebhook(r.url);
    await api(server.url, 'PATCH', `/api/v1/sites/${site.id}`, {
      headers: admin(),
      body: { policy: { alerts: { webhooks: { newsroom: { events: ['queue.over'] } } } } },
    });
    expect(await raiseSiteAlert(watcherDeps, site.id, { type: 'surge.started', data: {} })).toBeNull();
    await api(server.url, 'PATCH', `/api/v1/sites/${site.id}`, {
      headers: admin(),
      body: { policy: { alerts: { webhooks: { newsroom: { enabled: false } } } } },
    });
    expect(await raiseSiteAlert(watcherDeps, site.id, { type: 'queue.over', data: {} })).toBeNull();
    await new Promise((res) => setTimeout(res, 300));
    expect(r.deliveries).toHaveLength(0);
  });
});

describe('queue thresholds watcher', () => {
  it('raises queue.over once per cool-down, even with two workers watching at once', async () => {
    const r = await receiver();
    const site = await siteWithWebhook(r.url, { queueOver: 3, cooldownMinutes: 5 });
    for (const body of ['Premier avis', 'Deuxième avis', 'Troisième avis']) {
      expect((await postComment(server, site, 'budget', { body, author: { name: 'Awa' } })).status).toBe(202);
    }
    // no moderation worker runs here: the three comments stay pending
    const [a, b] = await Promise.all([watchQueues(watcherDeps), watchQueues(watcherDeps)]);
    const mine = (alerts: typeof a) => alerts.filter((x) => x.siteId === site.id);
    expect([...mine(a), ...mine(b)]).toHaveLength(1);
    expect(mine(await watchQueues(watcherDeps))).toHaveLength(0); // the next 10 s pass
    await waitUntil(async () => r.accepted().length, (n) => n >= 1);
    expect(r.accepted()[0]!.body).toMatchObject({ type: 'queue.over', siteId: site.id, data: { pending: 3, held: 0, total: 3, threshold: 3 } });
    const cooldown = server.deps.keys.alertCooldown(site.id, 'queue.over');
    const ttl = await server.deps.redis.pttl(cooldown);
    expect(ttl).toBeGreaterThan(4 * 60_000);
    expect(ttl).toBeLessThanOrEqual(5 * 60_000);
    // the cool-down ends while the queue is still over: the alert goes out again
    await server.deps.redis.pexpire(cooldown, 1);
    await new Promise((res) => setTimeout(res, 20));
    expect(mine(await watchQueues(watcherDeps))).toHaveLength(1);
    await waitUntil(async () => r.accepted().length, (n) => n >= 2);
    expect(r.accepted()).toHaveLength(2);
  });

  it('lets one worker per period scan the sites when given a lock', async () => {
    const r = await receiver();
    const site = await siteWithWebhook(r.url, { queueOver: 1 });
    await postComment(server, site, 'verrou', { body: 'Un avis pour le verrou', author: { name: 'Awa' } });
    const mine = (alerts: Awaited<ReturnType<typeof watchQueues>>) => alerts.filter((x) => x.siteId === site.id);
    expect(mine(await watchQueues(watcherDeps, { lockMs: 5000 }))).toHaveLength(1);
    await server.deps.redis.del(server.deps.keys.alertCooldown(site.id, 'queue.over'));
    expect(mine(await watchQueues(watcherDeps, { lockMs: 5000 }))).toHaveLength(0); // another worker, same period
    await server.deps.redis.del(server.deps.keys.alertWatcherLock);
    expect(mine(await watchQueues(watcherDeps, { lockMs: 5000 }))).toHaveLength(1); // the next period
  });

  it('stays quiet while the queue is under the threshold', async () => {
    const r = await receiver();
    const site = await siteWithWebhook(r.url, { queueOver: 5 });
    await postComment(server, site, 'budget', { body: 'Un seul avis', author: { name: 'Awa' } });
    expect((await watchQueues(watcherDeps)).filter((x) => x.siteId === site.id)).toHaveLength(0);
  });

  it('raises held.too_old for the oldest held comment once per cool-down', async () => {
    const r = await receiver();
    const site = await siteWithWebhook(r.url, { heldOlderThanMinutes: 15 }, { mode: 'pre' });
    const worker = await startInProcessWorker(server);
    try {
      const first = await postComment(server, site, 'elections', { body: 'Le premier commentaire', author: { name: 'Awa' } });
      await postComment(server, site, 'elections', { body: 'Le second commentaire', author: { name: 'Moussa' } });
      const heldKey = server.deps.keys.reviewQueue(site.id, 'held');
      await waitUntil(() => server.deps.redis.zcard(heldKey), (n) => n === 2);
      const mine = async (deps: WatcherDeps) => (await watchQueues(deps)).filter((x) => x.siteId === site.id);
      expect(await mine(watcherDeps)).toHaveLength(0); // held a moment ago: not too old
      const later = { ...watcherDeps, now: () => Date.now() + 16 * 60_000 };
      const raised = await mine(later);
      expect(raised).toHaveLength(1);
      expect(raised[0]).toMatchObject({
        type: 'held.too_old',
        data: { commentId: first.body.comment.id, articleId: 'elections', held: 2, thresholdMinutes: 15, waitingMinutes: 16 },
      });
      expect(await mine(later)).toHaveLength(0);
      await waitUntil(async () => r.accepted().length, (n) => n >= 1);
      expect(r.accepted()[0]!.body.type).toBe('held.too_old');
    } finally {
      await worker.close();
    }
  });
});
