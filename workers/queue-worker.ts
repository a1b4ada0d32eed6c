import { Worker, type Job, type Processor, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../core/logger.js';
import type { RedisKeys } from '../core/redis/keys.js';

export interface QueueWorkerOptions<D> extends Omit<WorkerOptions, 'connection'> {
  /** A connection of the worker's own, with `maxRetriesPerRequest: null` (BullMQ blocks on it). */
  connection: Redis;
  deps: { readonly keys: RedisKeys; readonly log: Logger };
  /** Log fields that say which job failed, besides its id and attempt. */
  describe?: (job: Job<D>) => Record<string, unknown>;
  /** How loud a failure is logged. @default 'warn' */
  failureLevel?: (err: Error, final: boolean) => 'info' | 'warn';
  /** Runs once a job's last attempt failed, e.g. to hold its comments for a human; never throws into BullMQ. */
  onFinalFailure?: (job: Job<D>, err: Error) => Promise<unknown>;
}

/** True once a failed job has no attempt left. */
export const isFinalAttempt = (job: Job): boolean => job.attemptsMade >= (job.opts.attempts ?? 1);

/**
 * Lock and stall settings for jobs that must not wait long after their worker dies: taken
 * again after `lockMs` without a lock renewal, and a job may stall twice before it fails.
 */
export const stallRecovery = (lockMs: number): Pick<WorkerOptions, 'lockDuration' | 'stalledInterval' | 'maxStalledCount'> => ({
  lockDuration: lockMs,
  stalledInterval: Math.max(1000, Math.floor(lockMs / 2)),
  maxStalledCount: 2,
});

/**
 * Every BullMQ worker of Palabre: the braced key prefix of the deployment, one log line per
 * failed attempt, `onFinalFailure` after the last one, and worker errors logged. BullMQ's own
 * options come after those defaults and override them, as BullMQ's classes spread theirs.
 * @example createQueueWorker(LEARNING_QUEUE, (job) => learnFromDecision(deps, job.data), { connection, deps, concurrency: 4 })
 */
export function createQueueWorker<D, R = unknown>(name: string, processor: Processor<D, R>, opts: QueueWorkerOptions<D>): Worker<D, R> {
  const { connection, deps, describe, failureLevel, onFinalFailure, ...options } = opts;
  const { log } = deps;
  const worker = new Worker<D, R>(name, processor, { connection, prefix: deps.keys.bullPrefix, ...options });
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = isFinalAttempt(job);
    const level = failureLevel?.(err, final) ?? 'warn';
    log[level]({ queue: name, jobId: job.id, attempt: job.attemptsMade, final, err: err.message, ...describe?.(job) }, `${name} job failed`);
    if (final && onFinalFailure) {
      onFinalFailure(job, err).catch((e: unknown) => log.error({ err: e, queue: name, jobId: job.id }, `${name} job: could not handle its last failure`));
    }
  });
  worker.on('error', (err) => log.warn({ err: err.message }, `${name} worker error`));
  return worker;
}
