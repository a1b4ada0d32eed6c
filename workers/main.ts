import type { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { loadConfigOrExit } from '../core/config.js';
import { newId } from '../core/ids.js';
import { createLogger } from '../core/logger.js';
import { createModerationQueues, type ModerateJobData, type ModerationQueues } from '../core/queue/moderation-queue.js';
import { createProviderQueue, type ProviderJobData } from '../core/queue/provider-queue.js';
import { connectOrExit } from '../core/redis/boot.js';
import { createRedis } from '../core/redis/connection.js';
import { redisKeys } from '../core/redis/keys.js';
import { createModerationWorkers } from './moderation-worker.js';
import { createProviderWorker } from './provider-worker.js';
import { createLearningWorker } from './learning-worker.js';
import { createAdaptationReader } from './learning/adaptation-reader.js';
import type { LearnJobData } from '../core/queue/learning-queue.js';
import { createSiteCache } from '../core/sites/site-cache.js';
import type { DecisionDeps } from './decision/decision-deps.js';
import { reconcilePending } from './reconcile/pending-reconciler.js';
import { startSurgeWatch } from './surge/surge-watch.js';
import { startAttackWatch } from './flood/attack-watch.js';
import { startHeldSampler } from './stats/sample-held-queue.js';
import { raiseSiteAlert } from '../core/alerts/raise-alert.js';
import { startAlerting, type Alerting } from './alerts/start-alerting.js';
import { instrumentWorker } from './metrics/worker-metrics.js';
import { startWorkerMetricsServer, type WorkerMetricsServer } from './metrics/worker-metrics-server.js';

const RECONCILE_EVERY_MS = 10_000;
/** SIGTERM: active jobs get this long to finish before they are handed back to the queue. */
const DRAIN_MS = 25_000;

const config = loadConfigOrExit();
const log = createLogger(config.LOG_LEVEL, 'palabre-workers');

// signals are handled from the first moment, so a stop during boot is clean too
let redis: Redis | undefined;
let workerConnection: Redis | undefined;
let queues: ModerationQueues | undefined;
let moderationWorkers: Array<Worker<ModerateJobData>> = [];
let providerQueue: Queue<ProviderJobData> | undefined;
let providerWorker: Worker<ProviderJobData> | undefined;
let learningWorker: Worker<LearnJobData> | undefined;
let reconciler: NodeJS.Timeout | undefined;
let surgeWatch: { stop(): void } | undefined;
let attackWatch: { stop(): void } | undefined;
let heldSampler: { stop(): void } | undefined;
let alerting: Alerting | undefined;
let metricsServer: WorkerMetricsServer | undefined;
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'workers shutting down');
  clearInterval(reconciler);
  surgeWatch?.stop();
  attackWatch?.stop();
  heldSampler?.stop();
  await Promise.all([...moderationWorkers, providerWorker, learningWorker].map((w) => (w ? drain(w) : undefined)));
  await alerting?.close().catch(() => {});
  await metricsServer?.close(); // after the drain, so /healthz says 503 while jobs finish
  await queues?.close().catch(() => {});
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
workerConnection = createRedis(config.redis, { maxRetriesPerRequest: null, commandTimeout: undefined }, log);
const base = { redis, keys: redisKeys(config.KEY_PREFIX), log, now: Date.now, newId };
providerQueue = createProviderQueue(redis, base.keys);
const siteOf = createSiteCache(base).get;
const deps: DecisionDeps = {
  ...base,
  siteOf,
  adaptationOf: createAdaptationReader(base),
  providerQueue,
  // surges and attacks raise the site's `surge.*` and `attack.*` webhooks once alerting (below) is up
  raiseAlert: (siteId, alert) =>
    alerting ? raiseSiteAlert({ ...base, siteOf, webhookQueue: alerting.webhookQueue }, siteId, alert) : Promise.resolve(null),
};
queues = createModerationQueues(redis, deps.keys, config.MODERATION_QUEUE_SHARDS);
const reconcileQueues = queues;
const deferredIn = [deps.providerQueue]; // comments waiting there are not stranded
moderationWorkers = createModerationWorkers(deps, config, workerConnection);
// started alongside: sites that enable no provider never put a job in its queue
providerWorker = createProviderWorker(deps, config, workerConnection);
learningWorker = createLearningWorker(deps, workerConnection);
// webhook deliveries and the queue thresholds watcher (site alerts)
alerting = startAlerting(deps, workerConnection, log, config.PUBLIC_URL);
const watchAlerts = alerting.watch;
for (const w of [...moderationWorkers, providerWorker, learningWorker]) instrumentWorker(w);
metricsServer = await startWorkerMetricsServer(config, { log, running: () => !stopping });

const reconcile = (opts: { olderThanMs?: number } = {}) =>
  reconcilePending(deps, reconcileQueues, { ...opts, alsoLiveIn: deferredIn })
    .then((r) => {
      if (r.reenqueued || r.held) log.info(r, 'reconciled stranded comments');
    })
    .catch((err: unknown) => log.warn({ err: (err as Error).message }, 'reconciler failed'));
reconciler = setInterval(() => {
  void reconcile();
  void watchAlerts(); // queue.over and held.too_old; a Redis cool-down key makes one worker send each
}, RECONCILE_EVERY_MS);
// surges end on time even when nobody comments any more
surgeWatch = startSurgeWatch(deps);
// attacks end when the flood stops, though no comment comes to notice it
attackWatch = startAttackWatch(deps);
// the held queue's size and age over time, for the statistics
heldSampler = startHeldSampler(deps);
// a comment stored just before Redis went away may have lost its job add: look at once when
// Redis is back, not 30 s later (a comment that ends up in two jobs is decided once: the second finds it decided)
redis.on('ready', () => void reconcile({ olderThanMs: 0 }));

log.info({ concurrency: config.WORKER_CONCURRENCY, shards: config.MODERATION_QUEUE_SHARDS, metricsPort: metricsServer?.port }, 'palabre workers ready');
if (!stopping) process.stdout.write(`Palabre workers running (concurrency ${config.WORKER_CONCURRENCY})\n`);
