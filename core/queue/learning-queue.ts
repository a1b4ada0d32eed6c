import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RedisKeys } from '../redis/keys.js';

/** Moderator decisions on their way to the site's adaptation (workers/learning). */
export const LEARNING_QUEUE = 'learning';
export const LEARN_JOB = 'learn';

export interface LearnJobData {
  siteId: string;
  commentId: string;
  /** What the decision says: 1 = this is toxic/spam, 0 = it is not. Absent: says nothing. */
  labels: { toxicity?: 0 | 1; spam?: 0 | 1 };
  /** The moderator's reason code of a rejection (`abuse`, `illegal`, `spam`), quoted when a copy is held. */
  reason?: string;
}

export const learnJobOptions = (commentId: string, version: number): JobsOptions => ({
  jobId: `${commentId}-v${version}`, // one lesson per decision, however often it is enqueued
  attempts: 3,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: true,
  removeOnFail: { age: 24 * 3600, count: 1000 },
});

export function createLearningQueue(connection: Redis, keys: RedisKeys): Queue<LearnJobData> {
  return new Queue<LearnJobData>(LEARNING_QUEUE, { connection, prefix: keys.bullPrefix });
}

/**
 * What a human decision teaches: an approval says neither toxic nor spam; a rejection for
 * spam says spam; for abuse or illegal content, toxic. Off-topic and other say nothing.
 */
export function labelsOfDecision(action: 'approve' | 'reject', reasonCode: string | undefined): LearnJobData['labels'] | null {
  if (action === 'approve') return { toxicity: 0, spam: 0 };
  if (reasonCode === 'spam') return { spam: 1 };
  if (reasonCode === 'abuse' || reasonCode === 'illegal') return { toxicity: 1 };
  return null;
}
