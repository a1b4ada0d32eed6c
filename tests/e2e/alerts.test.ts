import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, postComment } from '../support/fixtures.js';
import { waitUntil } from '../support/in-process-worker.js';
import { startStack, type PalabreStack } from '../support/palabre-stack.js';
import { api } from '../support/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const SECRET = 'whsec_e2e_0123456789abcdef';
let stack: PalabreStack;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver(SECRET);
  stack = await startStack({ workers: 2 });
}, 90_000);
afterAll(async () => {
  await stack?.stop();
  await receiver?.close();
});

describe('queue alerts from real worker processes', () => {
  it('sends one signed queue.over from two workers watching the same queue', async () => {
    const site = await createTestSite(stack, { mode: 'pre' });
    const patch = await api(stack.url, 'PATCH', `/api/v1/sites/${site.id}`, {
      headers: { authorization: `Bearer ${stack.adminToken}` },
      body: { policy: { alerts: { queueOver: 2, webhooks: { newsroom: { url: receiver.url, secret: SECRET } } } } },
    });
    expect(patch.status).toBe(200);
    await postComment(stack, site, 'debat', { body: 'Un premier avis sur le débat', author: { name: 'Awa' } });
    await postComment(stack, site, 'debat', { body: 'Un second avis, différent', author: { name: 'Moussa' } });
    // the workers' loop runs every 10 s: wait for one pass, then one more to see nothing is repeated
    await waitUntil(async () => receiver.accepted().length, (n) => n >= 1, 30_000);
    await new Promise((r) => setTimeout(r, 11_000));
    const alerts = receiver.accepted().filter((d) => d.body.siteId === site.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.body).toMatchObject({ type: 'queue.over', data: { total: 2, threshold: 2 } });
  }, 60_000);
});
