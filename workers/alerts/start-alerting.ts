import type { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../../core/logger.js';
import { createWebhookQueue, type WebhookJobData } from '../../core/alerts/webhook-queue.js';
import type { DeliveryOutcome } from './deliver-webhook.js';
import { watchQueues, type WatcherDeps } from './queue-watcher.js';
import { createWebhookWorker } from './webhook-worker.js';

export interface Alerting {
  readonly webhookQueue: Queue<WebhookJobData>;
  readonly worker: Worker<WebhookJobData, DeliveryOutcome>;
  /** One pass of the queue thresholds watcher; call it from the periodic loop. Never throws. */
  watch(): Promise<void>;
  close(): Promise<void>;
}

/** Shorter than the workers' 10 s loop, so the next period's first worker always gets it. */
const WATCH_LOCK_MS = 5000;

/** The webhook queue, its delivery worker and the thresholds watcher of one worker process. */
export function startAlerting(
  deps: Omit<WatcherDeps, 'webhookQueue'>,
  connection: Redis,
  log: Logger,
  /** PUBLIC_URL: Slack and Discord messages link to the console there. */
  publicUrl?: string,
): Alerting {
  const webhookQueue = createWebhookQueue(deps.redis, deps.keys);
  const full: WatcherDeps = { ...deps, webhookQueue };
  const worker = createWebhookWorker({ ...full, publicUrl }, connection);
  return {
    webhookQueue,
    worker,
    async watch() {
      try {
        const raised = await watchQueues(full, { lockMs: WATCH_LOCK_MS });
        if (raised.length > 0) log.info({ alerts: raised.map((a) => `${a.siteId}:${a.type}`) }, 'queue alerts raised');
      } catch (err) {
        log.warn({ err: (err as Error).message }, 'alert watcher failed');
      }
    },
    async close() {
      await worker.close();
      await webhookQueue.close().catch(() => {});
    },
  };
}
