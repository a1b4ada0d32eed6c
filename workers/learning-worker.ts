import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { CoreDeps } from '../core/deps.js';
import { LEARNING_QUEUE, type LearnJobData } from '../core/queue/learning-queue.js';
import { learnFromDecision, type LearningOptions } from './learning/learn-from-decision.js';
import { createQueueWorker } from './queue-worker.js';

/**
 * Applies moderators' decisions to their site's adaptation, a few at a time, off the hot path.
 * `options` are the shipped model and constants; `npm run learning-eval` passes a model that never saw the source it measures.
 */
export function createLearningWorker(deps: CoreDeps, connection: Redis, options: LearningOptions = {}): Worker<LearnJobData> {
  return createQueueWorker<LearnJobData>(LEARNING_QUEUE, (job) => learnFromDecision(deps, job.data, options), {
    connection,
    deps,
    concurrency: 4,
    describe: (job) => ({ commentId: job.data.commentId }),
  });
}
