import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../core/config.js';
import { MODERATION_QUEUE, type ModerateJobData } from '../core/queue/moderation-queue.js';
import type { DecisionDeps } from './decision/decision-deps.js';
import { holdBatchForHuman, moderateBatch } from './decision/moderate-batch.js';
import { createQueueWorker, stallRecovery } from './queue-worker.js';

/**
 * The BullMQ workers of the moderation queue, one per shard (MODERATION_QUEUE_SHARDS), each
 * running WORKER_CONCURRENCY jobs at once.
 */
export function createModerationWorkers(deps: DecisionDeps, config: Config, connection: Redis): Array<Worker<ModerateJobData>> {
  return Array.from({ length: config.MODERATION_QUEUE_SHARDS }, (_, shard) =>
    createModerationWorker(deps, config, connection, deps.keys.moderationShardPrefix(shard)),
  );
}

/**
 * The BullMQ worker of one moderation queue shard. Jobs retry with exponential backoff; when the
 * last attempt fails the job's comments still pending are held for a human (`check_failed`).
 */
export function createModerationWorker(
  deps: DecisionDeps,
  config: Config,
  connection: Redis,
  prefix = deps.keys.moderationShardPrefix(0),
): Worker<ModerateJobData> {
  return createQueueWorker<ModerateJobData>(MODERATION_QUEUE, (job) => moderateBatch(deps, job.data), {
    connection,
    deps,
    prefix,
    concurrency: config.WORKER_CONCURRENCY,
    ...stallRecovery(config.WORKER_LOCK_MS),
    // the reconciler holds them later if this fails too
    onFinalFailure: (job, err) => holdBatchForHuman(deps, job.data, err.message),
  });
}
