import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseSiteAlert } from '../../core/alerts/raise-alert.js';
import { createRedis } from '../../core/redis/connection.js';
import { getSite } from '../../core/sites/site-store.js';
import { startAlerting, type Alerting } from '../../workers/alerts/start-alerting.js';
import { createModerationWorker } from '../../workers/moderation-worker.js';
import type { DecisionDeps } from '../../workers/decision/decision-deps.js';
import { endDueSurges } from '../../workers/surge/end-surges.js';
import { createTestSite, postComment } from '../support/fixtures.js';
import { waitUntil } from '../support/in-process-worker.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const SECRET = 'whsec_surge_0123456789abcdef';

let server: TestServer;
let connection: ReturnType<typeof createRedis>;
let alerting: Alerting;
let worker: Worker;
let receiver: WebhookReceiver;
let deps: DecisionDeps;

// the moderation worker wired as workers/main.ts wires it: surges raise the site's webhooks
beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  connection = createRedis(server.config.REDIS_URL, { maxRetriesPerRequest: null, commandTimeout: undefined });
  const base = { ...server.deps, siteOf: (id: string) => getSite(server.deps, id), webhookBackoffMs: 100 };
  alerting = startAlerting(base, connection, server.deps.log);
  deps = { ...base, raiseAlert: raiseSiteAlert.bind(null, { ...base, webhookQueue: alerting.webhookQueue }) };
  worker = createModerationWorker(deps, server.config, connection);
  await Promise.all([worker.waitUntilReady(), alerting.worker.waitUntilReady()]);
  receiver = await startWebhookReceiver(SECRET);
});
afterAll(async () => {
  await receiver?.close();
  await worker?.close();
  await alerting?.close();
  connection?.disconnect();
  await server?.close();
});

describe('surge webhooks', () => {
  it('sends signed surge.started (with the figures) and surge.ended to the site receiver', async () => {
    const site = await createTestSite(server, {
      surge: { enabled: true, minComments: 6, windowSeconds: 120, baselineSeconds: 600, durationSeconds: 1 },
      alerts: { webhooks: { newsroom: { url: receiver.url, secret: SECRET, events: ['surge.started', 'surge.ended'] } } },
    });
    const meta = { title: 'Coupure d’électricité géante', url: 'https://www.journal-test.example/coupure' };
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        postComment(server, site, 'coupure', { body: `Toujours pas de courant ici, quartier ${i}.`, author: { name: `Voisin ${i}` }, article: meta }, {
          'x-device-id': `device-coupure-${i}-abcdef`,
        }),
      ),
    );
    const started = await waitUntil(
      async () => receiver.accepted().find((d) => d.body?.type === 'surge.started'),
      (d) => d !== undefined,
    );
    expect(started?.verified).toBe(true);
    expect(started?.body).toMatchObject({ siteId: site.id, data: { article: { id: 'coupure', ...meta }, figures: { trigger: 'rate', baseline: 0 } } });
    expect(started?.body.data.figures.windowCount).toBeGreaterThanOrEqual(6);

    await new Promise((r) => setTimeout(r, 1100)); // the surge lasts 1 s
    expect(await endDueSurges(deps, [site.id])).toBe(1);
    const ended = await waitUntil(
      async () => receiver.accepted().find((d) => d.body?.type === 'surge.ended'),
      (d) => d !== undefined,
    );
    expect(ended?.body.data).toMatchObject({ article: { id: 'coupure', title: meta.title }, startedAt: started?.body.data.startedAt });
    const article = await api(server.url, 'GET', `/api/v1/sites/${site.id}/articles/coupure`, { headers: { authorization: `Bearer ${site.moderatorToken}` } });
    expect(article.body.article.surge).toBeNull();
  });
});
