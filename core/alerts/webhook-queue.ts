import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RedisKeys } from '../redis/keys.js';
import type { AlertType } from './alert-policy.js';

/** Webhook deliveries, apart from moderation so a slow receiver never delays a comment. */
export const WEBHOOK_QUEUE = 'webhooks';
export const DELIVER_JOB = 'deliver';

/** The JSON body every receiver gets; `id` is the same on every retry, so receivers can de-duplicate. */
export interface AlertPayload {
  id: string;
  type: AlertType;
  siteId: string;
  /** ISO 8601, when the condition was seen (not when this attempt was sent). */
  occurredAt: string;
  data: Record<string, unknown>;
}

/** One alert for one webhook. The URL and secret are read at delivery time, so a removed webhook stops at once. */
export interface WebhookJobData {
  siteId: string;
  webhook: string;
  payload: AlertPayload;
}

/** About 8.5 minutes of retries in all (1 s, 2 s, 4 s … 256 s): a receiver restarting is not missed. */
export const WEBHOOK_ATTEMPTS = 9;
export const WEBHOOK_BACKOFF_MS = 1000;

export const webhookJobOptions = (alertId: string, webhook: string, backoffMs = WEBHOOK_BACKOFF_MS): JobsOptions => ({
  jobId: `${alertId}-${webhook}`, // an alert raised twice under one id is delivered once
  attempts: WEBHOOK_ATTEMPTS,
  backoff: { type: 'exponential', delay: backoffMs },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
});

/** Same braced prefix as the other queues, so all queue keys share one Cluster slot. */
export function createWebhookQueue(connection: Redis, keys: RedisKeys): Queue<WebhookJobData> {
  return new Queue<WebhookJobData>(WEBHOOK_QUEUE, { connection, prefix: keys.bullPrefix });
}
