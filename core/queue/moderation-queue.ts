import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RedisKeys } from '../redis/keys.js';

/** The queue every comment goes through once: one job runs every built-in check. */
export const MODERATION_QUEUE = 'moderation';
export const MODERATE_JOB = 'moderate';

export interface ModerateJobData {
  siteId: string;
  commentId: string;
}

/** Attempts before a comment is held for a human with reason `check_failed`. */
export const MODERATE_ATTEMPTS = 5;

export const moderateJobOptions = (commentId: string): JobsOptions => ({
  jobId: commentId, // one job per comment: a second add with the same id is a no-op
  attempts: MODERATE_ATTEMPTS,
  backoff: { type: 'exponential', delay: 200 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
});

/**
 * BullMQ needs its own connection with `maxRetriesPerRequest: null` for workers; queues may
 * share one. The prefix is in braces so all queue keys sit in one Redis Cluster slot.
 */
export function createModerationQueue(connection: Redis, keys: RedisKeys): Queue<ModerateJobData> {
  return new Queue<ModerateJobData>(MODERATION_QUEUE, { connection, prefix: keys.bullPrefix });
}
