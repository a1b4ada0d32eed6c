import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../../core/logger.js';
import type { RedisKeys } from '../../core/redis/keys.js';
import { WEBHOOK_QUEUE, type WebhookJobData } from '../../core/alerts/webhook-queue.js';
import { createQueueWorker } from '../queue-worker.js';
import { deliverWebhook, type DeliveryDeps, type DeliveryOutcome } from './deliver-webhook.js';

/** Receivers are slow outside services: a few deliveries at once, whatever the moderation concurrency. */
const WEBHOOK_CONCURRENCY = 4;

/** The BullMQ worker of the `webhooks` queue: one signed POST per job, retried with exponential backoff. */
export function createWebhookWorker(
  deps: DeliveryDeps & { readonly keys: RedisKeys; readonly log: Logger },
  connection: Redis,
): Worker<WebhookJobData, DeliveryOutcome> {
  const worker = createQueueWorker<WebhookJobData, DeliveryOutcome>(
    WEBHOOK_QUEUE,
    (job) => deliverWebhook(deps, job.data, job.attemptsMade + 1),
    {
      connection,
      deps,
      concurrency: WEBHOOK_CONCURRENCY,
      describe: (job) => ({ siteId: job.data.siteId, webhook: job.data.webhook, alertId: job.data.payload.id }),
      // a failure that will be retried is routine; giving up is worth a warning
      failureLevel: (_err, final) => (final ? 'warn' : 'info'),
    },
  );
  worker.on('completed', (job, outcome) => {
    if (!outcome.delivered) deps.log.info({ siteId: job.data.siteId, webhook: job.data.webhook, why: outcome.skipped }, 'webhook not sent');
  });
  return worker;
}
