import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import { MODERATION_QUEUE, type ModerateJobData } from '../core/queue/moderation-queue.js';
import { holdBatchForHuman, moderateBatch } from './decision/moderate-batch.js';
import type { ModerationDeps } from './decision/moderate-comment.js';

/**
 * The BullMQ worker of the moderation queue. Jobs retry with exponential backoff; when the
 * last attempt fails the job's comments still pending are held for a human (`check_failed`).
 */
export function createModerationWorker(
  deps: ModerationDeps,
  config: Config,
  connection: Redis,
  log: Logger,
): Worker<ModerateJobData> {
  const worker = new Worker<ModerateJobData>(MODERATION_QUEUE, (job) => moderateBatch(deps, job.data), {
    connection,
    prefix: deps.keys.bullPrefix,
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
