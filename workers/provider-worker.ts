import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import {
  PROVIDER_FEEDBACK_JOB,
  PROVIDER_QUEUE,
  type ProviderCheckJobData,
  type ProviderFeedbackJobData,
  type ProviderJobData,
} from '../core/queue/provider-queue.js';
import { holdForHuman } from './decision/hold-for-human.js';
import type { ModerationDeps } from './decision/moderate-comment.js';
import { createCircuitBreaker } from './providers/circuit-breaker.js';
import { decideWithProviders, type ProviderDeps } from './providers/decide-with-providers.js';
import { isProviderError } from './providers/provider-error.js';
import { sendAkismetFeedback } from './providers/send-feedback.js';

const isLastAttempt = (job: Job) => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

/**
 * The BullMQ worker of the providers queue: decides comments of sites that use outside
 * providers, and sends Akismet the moderators' corrections. BullMQ's limiter caps calls for
 * every worker process together (PROVIDER_RATE_PER_SECOND); circuit breakers live in Redis.
 */
export function createProviderWorker(
  moderationDeps: ModerationDeps,
  config: Config,
  connection: Redis,
  log: Logger,
): Worker<ProviderJobData> {
  const deps: ProviderDeps = {
    ...moderationDeps,
    breaker: createCircuitBreaker(moderationDeps, {
      failures: config.PROVIDER_BREAKER_FAILURES,
      cooldownMs: config.PROVIDER_BREAKER_COOLDOWN_MS,
    }),
  };
  const processor = async (job: Job<ProviderJobData>) => {
    if (job.name === PROVIDER_FEEDBACK_JOB) return sendAkismetFeedback(deps, job.data as ProviderFeedbackJobData);
    const data = job.data as ProviderCheckJobData;
    return decideWithProviders(deps, {
      data,
      lastAttempt: isLastAttempt(job),
      saveAnswers: (answered) => job.updateData({ ...data, answered }),
    });
  };
  const worker = new Worker<ProviderJobData>(PROVIDER_QUEUE, processor, {
    connection,
    prefix: deps.keys.bullPrefix,
    concurrency: config.WORKER_CONCURRENCY,
    limiter: { max: config.PROVIDER_RATE_PER_SECOND, duration: 1000 },
    lockDuration: config.WORKER_LOCK_MS,
    stalledInterval: Math.max(1000, Math.floor(config.WORKER_LOCK_MS / 2)),
    maxStalledCount: 2,
  });
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    const { siteId, commentId } = job.data;
    // provider errors are expected and retried; the decision then fails open
    const level = isProviderError(err) ? 'info' : 'warn';
    log[level]({ job: job.name, commentId, attempt: job.attemptsMade, final, err: err.message }, 'provider job failed');
    if (final && job.name !== PROVIDER_FEEDBACK_JOB) {
      // not a provider failure (those fail open): our own error, so a human decides
      holdForHuman(deps, siteId, commentId, err.message).catch((e: unknown) =>
        log.error({ err: e, commentId }, 'could not hold a failed comment; the reconciler will'),
      );
    }
  });
  worker.on('error', (err) => log.warn({ err: err.message }, 'provider worker error'));
  return worker;
}
