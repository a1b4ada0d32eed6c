import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import { MODERATION_QUEUE, type ModerateJobData } from '../core/queue/moderation-queue.js';
import { holdBatchForHuman, moderateBatch } from './moderation/moderate-batch.js';
import type { ModerationDeps } from './moderation/moderate-comment.js';

/**
 * The BullMQ workers of the moderation queue, one per shard (MODERATION_QUEUE_SHARDS), each
 * running WORKER_CONCURRENCY jobs at once.
 */
export function createModerationWorkers(
  deps: ModerationDeps,
  config: Config,
  connection: Redis,
  log: Logger,
): Array<Worker<ModerateJobData>> {
  return Array.from({ length: config.MODERATION_QUEUE_SHARDS }, (_, shard) =>
    createModerationWorker(deps, config, connection, log, deps.keys.moderationShardPrefix(shard)),
  );
}

/**
 * The BullMQ worker of one moderation queue shard. Jobs retry with exponential backoff; when the
 * last attempt fails the job's comments still pending are held for a human (`check_failed`).
 */
export function createModerationWorker(
  deps: ModerationDeps,
  config: Config,
  connection: Redis,
  log: Logger,
  prefix = deps.keys.moderationShardPrefix(0),
): Worker<ModerateJobData> {
  const worker = new Worker<ModerateJobData>(MODERATION_QUEUE, (job) => moderateBatch(deps, job.data), {
    connection,
    prefix,
    concurrency: config.WORKER_CONCURRENCY,
    // a job whose worker died is taken again after this long without a lock renewal
    lockDuration: config.WORKER_LOCK_MS,
    stalledInterval: Math.max(1000, Math.floor(config.WORKER_LOCK_MS / 2)),
    maxStalledCount: 2,
  });
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    log.warn({ jobId: job.id, attempt: job.attemptsMade, final, err: err.message }, 'moderation job failed');
    if (final) {
      holdBatchForHuman(deps, job.data, err.message).catch((e: unknown) =>
        log.error({ err: e, jobId: job.id }, 'could not hold the comments of a failed job; the reconciler will'),
      );
    }
  });
  worker.on('error', (err) => log.warn({ err: err.message }, 'moderation worker error'));
  return worker;
}
