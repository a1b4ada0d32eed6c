import type { Job, Worker } from 'bullmq';
import { Counter, Histogram, Registry } from 'prom-client';
import type { CommentStatus } from '../../protocol/comment-status.js';
import type { FloodSignal } from '../../protocol/flood.js';
import { createDecidedCounter } from '../../core/metrics/decided-counter.js';

/**
 * The worker process's metrics, one registry per process: the check list is a module constant,
 * so the hooks that time it are module-level too. Scraped by workers/metrics/worker-metrics-server.ts.
 */
export const workerRegistry = new Registry();

const countDecided = createDecidedCounter(workerRegistry);
/** Counts an automatic decision once it is written (built-in, provider and check_failed paths). */
export const countAutoDecision = (status: CommentStatus): void => countDecided(status, 'auto');

/** `palabre_check_duration_seconds{check}`: checks are pure and take microseconds, hence the fine buckets. */
export const checkDuration = new Histogram({
  name: 'palabre_check_duration_seconds',
  help: 'Time one built-in check takes on one comment, by check name.',
  labelNames: ['check'] as const,
  buckets: [0.000_005, 0.000_01, 0.000_025, 0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.005, 0.025, 0.1],
  registers: [workerRegistry],
});

const floodSignals = new Counter({
  name: 'palabre_flood_signals_total',
  help: 'Comments decided with a flood signal among their reasons, by signal (device_flood, text_campaign, inhuman_rhythm).',
  labelNames: ['signal'] as const,
  registers: [workerRegistry],
});
/** Counts one comment decided with this flood signal. */
export const countFloodSignal = (signal: FloodSignal): void => void floodSignals.inc({ signal });

const jobDuration = new Histogram({
  name: 'palabre_job_duration_seconds',
  help: 'Time from a worker taking a job to its end, by queue and outcome (completed, failed).',
  labelNames: ['queue', 'outcome'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [workerRegistry],
});

const jobsFailed = new Counter({
  name: 'palabre_jobs_failed_total',
  help: 'Failed job attempts, by queue; final="true" when no retry is left (a comment is then held as check_failed).',
  labelNames: ['queue', 'final'] as const,
  registers: [workerRegistry],
});

// processedOn is set when the job became active; finishedOn is unset on a failure that will be retried
const secondsActive = (job: Job): number | undefined =>
  job.processedOn ? Math.max(0, (job.finishedOn ?? Date.now()) - job.processedOn) / 1000 : undefined;

/** Records the duration and failures of a BullMQ worker's jobs, from its events. */
export function instrumentWorker(worker: Worker): void {
  const queue = worker.name;
  worker.on('completed', (job) => {
    const s = secondsActive(job);
    if (s !== undefined) jobDuration.observe({ queue, outcome: 'completed' }, s);
  });
  worker.on('failed', (job) => {
    if (!job) return;
    const s = secondsActive(job);
    if (s !== undefined) jobDuration.observe({ queue, outcome: 'failed' }, s);
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    jobsFailed.inc({ queue, final: String(final) });
  });
}
