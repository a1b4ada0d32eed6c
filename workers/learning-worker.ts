import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { CoreDeps } from '../core/deps.js';
import type { Logger } from '../core/logger.js';
import { LEARNING_QUEUE, type LearnJobData } from '../core/queue/learning-queue.js';
import { learnFromDecision } from './learning/learn-from-decision.js';

/** Applies moderators' decisions to their site's adaptation, a few at a time, off the hot path. */
export function createLearningWorker(deps: CoreDeps, connection: Redis, log: Logger): Worker<LearnJobData> {
  const worker = new Worker<LearnJobData>(LEARNING_QUEUE, (job) => learnFromDecision(deps, job.data), {
    connection,
    prefix: deps.keys.bullPrefix,
    concurrency: 4,
  });
  worker.on('failed', (job, err) => log.warn({ commentId: job?.data.commentId, err: err.message }, 'lesson failed'));
  worker.on('error', (err) => log.warn({ err: err.message }, 'learning worker error'));
  return worker;
}
