import type { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { loadConfigOrExit } from '../core/config.js';
import { newId } from '../core/ids.js';
import { createLogger } from '../core/logger.js';
import { createModerationQueue, type ModerateJobData } from '../core/queue/moderation-queue.js';
import { createProviderQueue, type ProviderJobData } from '../core/queue/provider-queue.js';
import { connectOrExit } from '../core/redis/boot.js';
import { createRedis } from '../core/redis/connection.js';
import { redisKeys } from '../core/redis/keys.js';
import { createModerationWorker } from './moderation-worker.js';
import { createProviderWorker } from './provider-worker.js';
import { createLearningWorker } from './learning-worker.js';
import { createAdaptationReader } from './learning/adaptation-reader.js';
import type { LearnJobData } from '../core/queue/learning-queue.js';
import { createSiteCache } from '../core/sites/site-cache.js';
import type { ModerationDeps } from './moderation/moderate-comment.js';
import { reconcilePending } from './reconcile/pending-reconciler.js';

const RECONCILE_EVERY_MS = 10_000;
/** SIGTERM: active jobs get this long to finish before they are handed back to the queue. */
const DRAIN_MS = 25_000;

const config = loadConfigOrExit();
const log = createLogger(config.LOG_LEVEL, 'palabre-workers');

// signals are handled from the first moment, so a stop during boot is clean too
let redis: Redis | undefined;
let workerConnection: Redis | undefined;
let queue: Queue<ModerateJobData> | undefined;
let worker: Worker<ModerateJobData> | undefined;
let providerQueue: Queue<ProviderJobData> | undefined;
let providerWorker: Worker<ProviderJobData> | undefined;
let learningWorker: Worker<LearnJobData> | undefined;
let reconciler: NodeJS.Timeout | undefined;
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'workers shutting down');
  clearInterval(reconciler);
  await Promise.all([worker, providerWorker, learningWorker].map((w) => (w ? drain(w) : undefined)));
  await queue?.close().catch(() => {});
  await providerQueue?.close().catch(() => {});
  workerConnection?.disconnect();
  await redis?.quit().catch(() => {});
  process.exit(0);
}
async function drain(w: Worker): Promise<void> {
  const drained = w.close().then(() => true);
  const timedOut = new Promise<boolean>((r) => setTimeout(() => r(false), DRAIN_MS).unref());
  if (!(await Promise.race([drained, timedOut]))) {
    log.warn({ queue: w.name }, 'active jobs did not finish in time; handing them back to the queue');
    await w.close(true).catch(() => {});
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

redis = await connectOrExit(config, log);
// BullMQ workers block on their connection and must retry forever, hence a connection of their own
workerConnection = createRedis(config.REDIS_URL, { maxRetriesPerRequest: null, commandTimeout: undefined }, log);
const base = { redis, keys: redisKeys(config.KEY_PREFIX), log, now: Date.now, newId };
providerQueue = createProviderQueue(redis, base.keys);
const deps: ModerationDeps = { ...base, siteOf: createSiteCache(base).get, adaptationOf: createAdaptationReader(base), providerQueue };
queue = createModerationQueue(redis, deps.keys);
const reconcileQueue = queue;
worker = createModerationWorker(deps, config, workerConnection, log);
// started alongside: sites that enable no provider never put a job in its queue
providerWorker = createProviderWorker(deps, config, workerConnection, log);
learningWorker = createLearningWorker(deps, workerConnection, log);

reconciler = setInterval(() => {
  reconcilePending(deps, reconcileQueue)
    .then((r) => {
      if (r.reenqueued || r.held) log.info(r, 'reconciled stranded comments');
    })
    .catch((err: unknown) => log.warn({ err: (err as Error).message }, 'reconciler failed'));
}, RECONCILE_EVERY_MS);

log.info({ concurrency: config.WORKER_CONCURRENCY }, 'palabre workers ready');
if (!stopping) process.stdout.write(`Palabre workers running (concurrency ${config.WORKER_CONCURRENCY})\n`);
