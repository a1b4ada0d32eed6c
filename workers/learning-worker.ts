import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { CoreDeps } from '../core/deps.js';
import { LEARNING_QUEUE, type LearnJobData } from '../core/queue/learning-queue.js';
import { learnFromDecision } from './learning/learn-from-decision.js';
import { createQueueWorker } from './queue-worker.js';

/** Applies moderators' decisions to their site's adaptation, a few at a time, off the hot path. */
export function createLearningWorker(deps: CoreDeps, connection: Redis): Worker<LearnJobData> {
  return createQueueWorker<LearnJobData>(LEARNING_QUEUE, (job) => learnFromDecision(deps, job.data), {
    connection,
    deps,
    concurrency: 4,
    describe: (job) => ({ commentId: job.data.commentId }),
  });
}
