import type { Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../core/config.js';
import {
  PROVIDER_FEEDBACK_JOB,
  PROVIDER_QUEUE,
  type ProviderCheckJobData,
  type ProviderFeedbackJobData,
  type ProviderJobData,
} from '../core/queue/provider-queue.js';
import { decideAutomatically } from './decision/decide-automatically.js';
import type { DecisionDeps } from './decision/decision-deps.js';
import { holdForHuman } from './decision/hold-for-human.js';
import { createCircuitBreaker } from './providers/circuit-breaker.js';
import { isProviderError } from './providers/provider-error.js';
import { providerStage, type ProviderDeps } from './providers/provider-stage.js';
import { sendAkismetFeedback } from './providers/send-feedback.js';
import { createQueueWorker, stallRecovery } from './queue-worker.js';

// the attempt running now is counted in attemptsMade only once it fails
const isLastAttempt = (job: Job) => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

/**
 * The BullMQ worker of the providers queue: decides comments of sites that use outside
 * providers (the providers' stage, then the one automatic decision), and sends Akismet the
 * moderators' corrections. BullMQ's limiter caps calls for every worker process together
 * (PROVIDER_RATE_PER_SECOND); circuit breakers live in Redis.
 */
export function createProviderWorker(decisionDeps: DecisionDeps, config: Config, connection: Redis): Worker<ProviderJobData> {
  const deps: ProviderDeps = {
    ...decisionDeps,
    breaker: createCircuitBreaker(decisionDeps, {
      failures: config.PROVIDER_BREAKER_FAILURES,
      cooldownMs: config.PROVIDER_BREAKER_COOLDOWN_MS,
    }),
  };
  const processor = async (job: Job<ProviderJobData>) => {
    if (job.name === PROVIDER_FEEDBACK_JOB) return sendAkismetFeedback(deps, job.data as ProviderFeedbackJobData);
    const data = job.data as ProviderCheckJobData;
    const stage = providerStage(deps, {
      data,
      lastAttempt: isLastAttempt(job),
      saveAnswers: (answered) => job.updateData({ ...data, answered }),
    });
    return decideAutomatically(deps, { siteId: data.siteId, commentId: data.commentId, version: data.version }, stage);
  };
  return createQueueWorker<ProviderJobData>(PROVIDER_QUEUE, processor, {
    connection,
    deps,
    concurrency: config.WORKER_CONCURRENCY,
    limiter: { max: config.PROVIDER_RATE_PER_SECOND, duration: 1000 },
    ...stallRecovery(config.WORKER_LOCK_MS),
    describe: (job) => ({ job: job.name, commentId: job.data.commentId }),
    // provider errors are expected and retried; the decision then fails open
    failureLevel: (err) => (isProviderError(err) ? 'info' : 'warn'),
    // not a provider failure (those fail open): our own error, so a human decides
    onFinalFailure: async (job, err) => {
      if (job.name !== PROVIDER_FEEDBACK_JOB) await holdForHuman(deps, job.data.siteId, job.data.commentId, err.message);
    },
  });
}
