import type { Site } from '../../core/sites/site-store.js';
import { isDeliverable } from '../../core/alerts/alert-policy.js';
import { SIGNATURE_HEADER, signWebhook } from '../../core/alerts/webhook-signature.js';
import { standardWebhookHeaders } from '../../core/alerts/standard-webhook.js';
import { webhookBody } from '../../core/alerts/webhook-body.js';
import type { WebhookJobData } from '../../core/alerts/webhook-queue.js';

export interface DeliveryDeps {
  readonly siteOf: (siteId: string) => Promise<Site | null>;
  readonly now: () => number;
  /** Where moderators reach Palabre (PUBLIC_URL): Slack and Discord messages link to the console there. */
  readonly publicUrl?: string | undefined;
}

/** `skipped`: the webhook was removed, disabled or unsubscribed since the alert was raised. */
export type DeliveryOutcome = { delivered: true; status: number } | { delivered: false; skipped: string };

/**
 * Posts one alert to one webhook, signed. Throws on a network error, a timeout or any answer
 * but 2xx, so BullMQ retries with backoff. Redirects are not followed: a receiver that
 * redirects could point the workers at an address inside the newsroom's network.
 */
export async function deliverWebhook(deps: DeliveryDeps, job: WebhookJobData, attempt = 1): Promise<DeliveryOutcome> {
  const site = await deps.siteOf(job.siteId);
  const webhook = site?.policy.alerts.webhooks[job.webhook];
  if (!isDeliverable(webhook)) return { delivered: false, skipped: 'webhook removed or disabled' };
  if (!webhook.events.includes(job.payload.type)) return { delivered: false, skipped: 'event no longer subscribed' };
  const url = new URL(webhook.url);
  // checked again here: the site record is stored data, and only http(s) may leave the workers
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { delivered: false, skipped: 'not an http(s) URL' };
  const body = webhookBody(webhook, job.payload, deps.publicUrl);
  const seconds = Math.floor(deps.now() / 1000);
  const signed = webhook.secret ? webhook.signatures : [];
  const res = await fetch(url, {
    method: 'POST',
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(webhook.timeoutMs),
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Palabre-Webhooks/1',
      // the same id on every attempt of one alert to one receiver: its de-duplication key
      ...(signed.includes('standard') ? standardWebhookHeaders(webhook.secret!, job.payload.id, body, seconds) : {}),
      ...(signed.includes('palabre') ? { [SIGNATURE_HEADER]: signWebhook(webhook.secret!, body, seconds) } : {}),
      'X-Palabre-Delivery': job.payload.id,
      'X-Palabre-Event': job.payload.type,
      'X-Palabre-Attempt': String(attempt),
    },
  });
  await res.body?.cancel().catch(() => {}); // the answer's body is not read: free the socket
  if (res.status < 200 || res.status >= 300) throw new Error(`webhook ${job.webhook} answered ${res.status}`);
  return { delivered: true, status: res.status };
}
