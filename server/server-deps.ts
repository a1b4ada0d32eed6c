import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../core/config.js';
import type { CoreDeps } from '../core/deps.js';
import { newId } from '../core/ids.js';
import type { Logger } from '../core/logger.js';
import { tokenSigner, type TokenSigner } from '../core/moderators/moderator-store.js';
import { createWebhookQueue, type WebhookJobData } from '../core/alerts/webhook-queue.js';
import { createModerationQueues, type ModerationQueues } from '../core/queue/moderation-queue.js';
import { createProviderQueue, type ProviderJobData } from '../core/queue/provider-queue.js';
import { createLearningQueue, type LearnJobData } from '../core/queue/learning-queue.js';
import { redisKeys } from '../core/redis/keys.js';
import { createSiteCache, type SiteCache } from '../core/sites/site-cache.js';
import type { OidcClient } from './auth/oidc/oidc-client.js';
import { createCommentDurability, type CommentDurability } from './comments/comment-durability.js';
import { createBatchedEnqueuer, type ModerationEnqueuer } from './comments/moderation-enqueuer.js';
import { createProofOfWork, type ProofOfWork } from './flood/proof-of-work.js';
import { createWriteGate, type WriteGate } from './flood/write-gate.js';
import { createServerMetrics, type ServerMetrics } from './metrics/server-metrics.js';

/** Everything a route or socket handler needs, as one readonly object. */
export interface ServerDeps extends CoreDeps {
  readonly config: Config;
  readonly signer: TokenSigner;
  /** Write limits, flood signals and proof-of-work challenges of every write. */
  readonly writeGate: WriteGate;
  readonly proofOfWork: ProofOfWork;
  readonly enqueuer: ModerationEnqueuer;
  /** The moderation queue's shards (MODERATION_QUEUE_SHARDS; one by default). */
  readonly moderationQueues: ModerationQueues;
  /** When a new comment may be answered 202 (DURABILITY). */
  readonly durability: CommentDurability;
  /** The newsroom's OpenID provider, when OIDC_ISSUER is set (discovered at boot). */
  readonly oidc: OidcClient | undefined;
  /** Called when a sign-in ends on this server, so its sockets close at once (others notice within seconds). */
  staffSessionEnded?: (sessionId: string) => void;
  /** Outside providers' queue: the server only adds Akismet feedback on moderator decisions. */
  readonly providerQueue: Queue<ProviderJobData>;
  /** Moderator decisions on their way to the site's adaptation. */
  readonly learningQueue: Queue<LearnJobData>;
  /** Site records for the readers' hot path (2 s). */
  readonly sites: SiteCache;
  /** This instance's Prometheus metrics, scraped at /metrics. */
  readonly metrics: ServerMetrics;
  /** The alert webhooks queue: read for the metrics; the server adds `comment.reported` (and a report's `comment.held`). */
  readonly webhookQueue: Queue<WebhookJobData>;
}

// queues share the request client, whose connection errors are already logged (throttled)
const quiet = <Q extends { on(event: 'error', f: (e: Error) => void): unknown }>(q: Q): Q => (q.on('error', () => {}), q);

/** Builds the server's dependencies from its config and a connected Redis client. */
export function createServerDeps(config: Config, redis: Redis, log: Logger, opts: { oidc?: OidcClient } = {}): ServerDeps {
  const keys = redisKeys(config.KEY_PREFIX);
  const core = { redis, keys, log, now: Date.now, newId };
  const moderationQueues = createModerationQueues(redis, keys, config.MODERATION_QUEUE_SHARDS);
  moderationQueues.all.forEach(quiet);
  const providerQueue = quiet(createProviderQueue(redis, keys));
  const learningQueue = quiet(createLearningQueue(redis, keys));
  // the workers deliver webhooks; the server adds those of reader reports, and reads it for the queue gauge
  const webhookQueue = quiet(createWebhookQueue(redis, keys));
  const metrics = createServerMetrics({ queues: [...moderationQueues.all, providerQueue, learningQueue, webhookQueue], log, now: Date.now });
  // every server process must sign challenges alike: a generated JWT_SECRET beside JWT_KEYS is this process's own
  const proofOfWork = createProofOfWork(config.jwtKeys.length > 0 && config.jwtSecretGenerated ? config.jwtKeys[0]!.secret : config.JWT_SECRET);
  return {
    redis,
    keys,
    log,
    now: Date.now,
    newId,
    config,
    // JWT_SECRET verifies tokens without a kid; generated beside JWT_KEYS it verifies nothing
    signer: tokenSigner({ jwtSecret: config.jwtKeys.length > 0 && config.jwtSecretGenerated ? undefined : config.JWT_SECRET, jwtKeys: config.jwtKeys }),
    proofOfWork,
    writeGate: createWriteGate({ redis, keys, config, proofOfWork, now: Date.now, countOutcome: metrics.countWriteGate }),
    enqueuer: createBatchedEnqueuer(moderationQueues, log, config.MODERATION_BATCH_LINGER_MS),
    moderationQueues,
    durability: createCommentDurability(config, { keys, log }),
    oidc: opts.oidc,
    providerQueue,
    learningQueue,
    webhookQueue,
    sites: createSiteCache(core),
    metrics,
  };
}
