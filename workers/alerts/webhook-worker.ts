import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../../core/logger.js';
import type { RedisKeys } from '../../core/redis/keys.js';
import { WEBHOOK_QUEUE, type WebhookJobData } from '../../core/alerts/webhook-queue.js';
import { deliverWebhook, type DeliveryDeps, type DeliveryOutcome } from './deliver-webhook.js';

/** Receivers are slow outside services: a few deliveries at once, whatever the moderation concurrency. */
const WEBHOOK_CONCURRENCY = 4;

/** The BullMQ worker of the `webhooks` queue: one signed POST per job, retried with exponential backoff. */
export function createWebhookWorker(
  deps: DeliveryDeps & { readonly keys: RedisKeys },
  connection: Redis,
  log: Logger,
): Worker<WebhookJobData, DeliveryOutcome> {
  const worker = new Worker<WebhookJobData, DeliveryOutcome>(
    WEBHOOK_QUEUE,
    (job) => deliverWebhook(deps, job.data, job.attemptsMade + 1),
    { connection, prefix: deps.keys.bullPrefix, concurrency: WEBHOOK_CONCURRENCY },
  );
  worker.on('completed', (job, outcome) => {
    if (!outcome.delivered) log.info({ siteId: job.data.siteId, webhook: job.data.webhook, why: outcome.skipped }, 'webhook not sent');
  });
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    const fields = { siteId: job.data.siteId, webhook: job.data.webhook, alertId: job.data.payload.id, attempt: job.attemptsMade };
    if (final) log.warn({ ...fields, err: err.message }, 'webhook delivery given up');
    else log.info({ ...fields, err: err.message }, 'webhook delivery failed; will retry');
  });
  worker.on('error', (err) => log.warn({ err: err.message }, 'webhook worker error'));
  return worker;
}
