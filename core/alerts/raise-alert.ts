import type { Queue } from 'bullmq';
import type { CoreDeps } from '../deps.js';
import type { Site } from '../sites/site-store.js';
import { getSite } from '../sites/site-store.js';
import { webhooksFor, type AlertType } from './alert-policy.js';
import { DELIVER_JOB, webhookJobOptions, type AlertPayload, type WebhookJobData } from './webhook-queue.js';

export interface AlertDeps extends Pick<CoreDeps, 'redis' | 'keys' | 'log' | 'now' | 'newId'> {
  readonly webhookQueue: Queue<WebhookJobData>;
  /** A cached site reader (e.g. the site cache's `get`); the site is read from Redis without it. */
  readonly siteOf?: (siteId: string) => Promise<Site | null>;
  /** Base delay of the exponential retry backoff; tests shorten it. */
  readonly webhookBackoffMs?: number;
}

/** What happened, as sent in the payload's `type` and `data` (see docs/webhooks.md for each type's fields). */
export interface SiteAlert {
  type: AlertType;
  data: Record<string, unknown>;
  /** Reuse an id to make raising idempotent (e.g. `surge-<articleId>-<startMs>`); a fresh ULID otherwise. */
  id?: string;
  /** When the condition was seen, ms since the epoch; now by default. */
  occurredAt?: number;
}

/**
 * Enqueues one signed webhook delivery per enabled webhook of the site that subscribes to this
 * alert type. A missing site or no subscribed webhook is not an error: it returns null, else the payload sent.
 *
 * @example await raiseSiteAlert(deps, siteId, { type: 'surge.started', data: { articleId, perFiveMinutes: 42 } })
 */
export async function raiseSiteAlert(deps: AlertDeps, siteId: string, alert: SiteAlert): Promise<AlertPayload | null> {
  const site = deps.siteOf ? await deps.siteOf(siteId) : await getSite(deps, siteId);
  const targets = site ? webhooksFor(site.policy.alerts, alert.type) : [];
  if (targets.length === 0) return null;
  const payload: AlertPayload = {
    id: alert.id ?? deps.newId(),
    type: alert.type,
    siteId,
    occurredAt: new Date(alert.occurredAt ?? deps.now()).toISOString(),
    data: alert.data,
  };
  await deps.webhookQueue.addBulk(
    targets.map(([webhook]) => ({
      name: DELIVER_JOB,
      data: { siteId, webhook, payload },
      opts: webhookJobOptions(payload.id, webhook, deps.webhookBackoffMs),
    })),
  );
  deps.log.info({ siteId, alert: payload.type, alertId: payload.id, webhooks: targets.length }, 'alert raised');
  return payload;
}
