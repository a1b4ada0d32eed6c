import { randomBytes } from 'node:crypto';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseSiteAlert } from '../../core/alerts/raise-alert.js';
import { createRedis } from '../../core/redis/connection.js';
import { getSite } from '../../core/sites/site-store.js';
import { startAlerting, type Alerting } from '../../workers/alerts/start-alerting.js';
import { createModerationWorker } from '../../workers/moderation-worker.js';
import { createTestSite, moderatorHeaders, postComment, readerHeaders, type TestSite } from '../support/fixtures.js';
import { waitUntil } from '../support/in-process-worker.js';
import { startDiscordReceiver, startSlackReceiver, startStandardWebhooksReceiver, type Receiver } from '../support/chat-receivers.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const STANDARD_SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const LEGACY_SECRET = 'a-long-random-secret-of-the-newsroom';
const PUBLIC_URL = 'https://commentaires.journal-test.example';

let server: TestServer;
let connection: ReturnType<typeof createRedis>;
let alerting: Alerting;
let worker: Worker;
let standard: Receiver;
let slack: Receiver;
let discord: Receiver;
let legacy: WebhookReceiver;
let site: TestSite;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  connection = createRedis(server.config.REDIS_URL, { maxRetriesPerRequest: null, commandTimeout: undefined });
  const base = { ...server.deps, siteOf: (id: string) => getSite(server.deps, id), webhookBackoffMs: 100 };
  alerting = startAlerting(base, connection, server.deps.log, PUBLIC_URL);
  const deps = { ...base, raiseAlert: raiseSiteAlert.bind(null, { ...base, webhookQueue: alerting.webhookQueue }) };
  worker = createModerationWorker(deps, server.config, connection);
  [standard, slack, discord, legacy] = await Promise.all([
    startStandardWebhooksReceiver(STANDARD_SECRET),
    startSlackReceiver(),
    startDiscordReceiver(),
    startWebhookReceiver(LEGACY_SECRET),
  ]);
  await Promise.all([worker.waitUntilReady(), alerting.worker.waitUntilReady()]);
  const events = ['comment.held', 'comment.reported', 'comment.severe'];
  site = await createTestSite(server, {
    thresholds: { toxicity: { hold: 0.5, reject: 1 }, severe: { hold: 0.5, reject: 1 } },
    autoHideAfterReports: 2,
    alerts: {
      webhooks: {
        desk: { url: standard.url, secret: STANDARD_SECRET, events, signatures: ['standard'] },
        legacy: { url: legacy.url, secret: LEGACY_SECRET, events: ['comment.held'], signatures: ['palabre'] },
        slack: { url: slack.url, format: 'slack', events },
        discord: { url: discord.url, format: 'discord', lang: 'en', events },
      },
    },
  });
}, 60_000);
afterAll(async () => {
  await Promise.all([standard, slack, discord, legacy].map((r) => r?.close()));
  await worker?.close();
  await alerting?.close();
  connection?.disconnect();
  await server?.close();
});

const typed = (r: Receiver, type: string, commentId: string) =>
  r.received.find((d) => (d.body?.type === type || d.headers['x-palabre-event'] === type) && (d.body?.data?.comment?.id === commentId || d.raw.includes(commentId)));

describe('per-comment webhooks', () => {
  it('sends comment.held signed in the Standard Webhooks format, and to Slack and Discord as messages they accept', async () => {
    const posted = await postComment(server, site, 'budget', { body: 'Tu es un vrai connard <script>alert(1)</script> @everyone', author: { name: 'Lecteur' }, article: { title: 'Budget & dette' } }, { 'x-device-id': 'device-hook-1-abcdef' });
    const id = posted.body.comment.id;
    const signed = await waitUntil(async () => typed(standard, 'comment.held', id), (d) => d !== undefined, 15_000);
    expect(signed?.answered).toBe(204); // the standardwebhooks package verified it
    expect(signed?.headers['webhook-id']).toBe(signed?.body.id);
    expect(signed?.headers['x-palabre-signature']).toBeUndefined(); // this webhook asked for the standard only
    expect(signed?.body).toMatchObject({ type: 'comment.held', siteId: site.id, data: { comment: { id, status: 'held', author: { name: 'Lecteur' } }, article: { id: 'budget', title: 'Budget & dette' } } });
    expect(signed?.body.data.comment.reasons.map((r: { code: string }) => r.code)).toContain('toxicity_above_hold');

    const posted2 = await waitUntil(async () => slack.received.find((d) => d.raw.includes(id) || d.body?.text?.includes('connard')), (d) => d !== undefined, 15_000);
    expect(posted2?.answered).toBe(200);
    expect(posted2?.body.text).toContain('Commentaire retenu');
    expect(posted2?.body.text).toContain('Budget &amp; dette');
    expect(posted2?.body.text).toContain('&lt;script&gt;'); // Slack shows the reader's text, never its markup
    expect(posted2?.body.text).toContain(`<${PUBLIC_URL}/moderate/comments/${id}|Ouvrir dans la console>`);

    const chat = await waitUntil(async () => discord.received.find((d) => d.body?.content?.includes('connard')), (d) => d !== undefined, 15_000);
    expect(chat?.answered).toBe(204);
    expect(chat?.body.allowed_mentions).toEqual({ parse: [] });
    expect(chat?.body.content).toContain('Comment held');
    expect(chat?.body.content).toContain('\\@everyone');
    expect(chat?.body.content).toContain(`<${PUBLIC_URL}/moderate/comments/${id}>`);

    const old = await waitUntil(async () => legacy.deliveries.find((d) => d.body?.data?.comment?.id === id), (d) => d !== undefined, 15_000);
    expect(old?.verified).toBe(true); // X-Palabre-Signature, for receivers built before
    expect(old?.headers['webhook-signature']).toBeUndefined();
  });

  it('sends comment.severe with the categories when the severe-harm score reaches the hold threshold', async () => {
    const posted = await postComment(server, site, 'securite', { body: 'Il faut pendre ce ministre sur la place publique.', author: { name: 'Anonyme' } }, { 'x-device-id': 'device-hook-2-abcdef' });
    const id = posted.body.comment.id;
    const severe = await waitUntil(async () => typed(standard, 'comment.severe', id), (d) => d !== undefined, 15_000);
    expect(severe?.answered).toBe(204);
    expect(severe?.body.data).toMatchObject({ categories: ['incitement'], threshold: 0.5 });
    expect(severe?.body.data.severe).toBeGreaterThanOrEqual(0.5);
    const chat = await waitUntil(async () => slack.received.find((d) => d.body?.text?.includes('Atteinte grave')), (d) => d !== undefined, 15_000);
    expect(chat?.answered).toBe(200);
  });

  it('sends comment.reported for each report, and comment.held when the readers hid it', async () => {
    const posted = await postComment(server, site, 'budget', { body: 'Merci pour ce reportage sur les routes.', author: { name: 'Awa' } }, { 'x-device-id': 'device-hook-3-abcdef' });
    const id = posted.body.comment.id;
    await waitUntil(() => api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${id}`, { headers: moderatorHeaders(site) }), (r) => r.body.comment.status === 'approved');
    for (const device of ['device-reporter-a-abcdef', 'device-reporter-b-abcdef']) {
      const r = await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${id}/reports`, { headers: readerHeaders(site, { 'x-device-id': device }), body: { reason: 'spam' } });
      expect(r.status).toBe(202);
    }
    const reports = await waitUntil(
      async () => standard.received.filter((d) => d.body?.type === 'comment.reported' && d.body.data.comment.id === id),
      (list) => list.length === 2,
      15_000,
    );
    expect(reports.map((d) => d.body.data.reportCount).sort()).toEqual([1, 2]);
    expect(reports.every((d) => d.answered === 204)).toBe(true);
    const hidden = await waitUntil(async () => typed(standard, 'comment.held', id), (d) => d !== undefined, 15_000);
    expect(hidden?.body.data).toMatchObject({ hiddenByReports: 2, comment: { status: 'held' } });
  });

  it('never refuses a delivery at a receiver: every Slack and Discord message was accepted', async () => {
    expect(slack.received.length).toBeGreaterThan(0);
    expect(slack.received.filter((d) => d.answered !== 200)).toEqual([]);
    expect(discord.received.filter((d) => d.answered !== 204)).toEqual([]);
    expect(standard.received.filter((d) => d.answered !== 204)).toEqual([]);
  });

  it('accepts a Slack or Discord webhook without a secret, but not a JSON one, and refuses an unknown event or format', async () => {
    const patch = (webhooks: unknown) =>
      api(server.url, 'PATCH', `/api/v1/sites/${site.id}`, { headers: { authorization: `Bearer ${server.adminToken}` }, body: { policy: { alerts: { webhooks } } } });
    expect((await patch({ bare: { url: 'https://hooks.example/x' } })).status).toBe(400);
    expect((await patch({ other: { url: 'https://hooks.example/x', format: 'discord' } })).status).toBe(200);
    expect((await patch({ other: { events: ['comment.deleted'] } })).status).toBe(400);
    expect((await patch({ other: { format: 'teams' } })).status).toBe(400);
  });
});
