import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger.js';
import { createClusterClient, isClusterUrl } from './cluster-connection.js';
import { asCluster, isCluster } from './cluster-slots.js';

export { Redis };

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * A Redis client for request paths: commands fail fast while Redis is unreachable instead of
 * queueing, so the API can answer 503 at once rather than hang.
 * For a `redis-cluster://` URL it is an ioredis Cluster with the same options on every node.
 * The Cluster is typed as Redis: both expose the same commands, pipelines and MULTI, and the
 * few places that must tell them apart (event relay, safety check) use `asCluster`.
 */
export function createRedis(url: string | undefined, opts: RedisOptions = {}, log?: Logger): Redis {
  const options: RedisOptions = {
    maxRetriesPerRequest: 1,
    commandTimeout: 2000,
    connectTimeout: 2000,
    // back off up to 1 s between reconnects, forever: Redis coming back must heal us
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
    lazyConnect: true,
    // queued commands wait for the next reconnect attempt (up to 2 s), so a request path refuses
    // at once instead; a BullMQ connection (maxRetriesPerRequest: null) waits for Redis
    enableOfflineQueue: opts.maxRetriesPerRequest === null,
    ...opts,
  };
  const redis = isClusterUrl(url)
    ? (createClusterClient(url, options) as unknown as Redis)
    : new Redis(url ?? DEFAULT_REDIS_URL, options);
  // without a listener ioredis prints every failed reconnect; with one, we choose the level
  let lastLogged = 0;
  const warn = (err: Error) => {
    if (Date.now() - lastLogged < 5000) return; // one line per 5 s while Redis is down
    lastLogged = Date.now();
    log?.warn({ err: err.message }, 'redis connection error');
  };
  redis.on('error', warn);
  if (isCluster(redis)) redis.on('node error', warn);
  return redis;
}

/** Connects and waits until Redis answers, or throws with a message saying where we looked. */
export async function connectRedis(redis: Redis, url: string | undefined): Promise<void> {
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    throw new Error(
      `Cannot reach Redis at ${redactUrl(url ?? DEFAULT_REDIS_URL)}: ${(err as Error).message}. ` +
        'Set REDIS_URL, or install redis-server (e.g. `apt-get install redis-server`) and let `npm start` run one.',
    );
  }
}

export const redactUrl = (url: string): string => url.replace(/\/\/([^@/]*)@/, '//***@');

/** Raised when Redis is configured so that it could silently lose queue or comment keys. */
export class UnsafeRedisError extends Error {
  override readonly name = 'UnsafeRedisError';
}

/**
 * Refuses a Redis that may evict keys (a lost job or comment key is a lost comment) and warns
 * when nothing is persisted. Reads INFO because managed Redis often disables CONFIG.
 */
export async function checkRedisSafety(redis: Redis, log: Logger, name = 'Redis'): Promise<void> {
  // on a cluster every master holds a share of the keys, so every master must be safe
  const cluster = asCluster(redis);
  if (cluster) {
    for (const node of cluster.nodes('master')) {
      await checkRedisSafety(node, log, `Redis node ${node.options.host}:${node.options.port}`);
    }
    return;
  }
  const memory = parseInfo(await redis.info('memory'));
  const policy = memory.get('maxmemory_policy') ?? 'unknown';
  if (policy !== 'noeviction') {
    throw new UnsafeRedisError(
      `${name} maxmemory-policy is "${policy}", which can evict keys and lose comments or jobs. ` +
        'Set `maxmemory-policy noeviction` in redis.conf (or `CONFIG SET maxmemory-policy noeviction`).',
    );
  }
  const persistence = parseInfo(await redis.info('persistence'));
  const aof = persistence.get('aof_enabled') === '1';
  let rdb = false;
  try {
    const [, save] = (await redis.config('GET', 'save')) as [string, string];
    rdb = Boolean(save && save.trim());
  } catch {
    rdb = true; // CONFIG disabled (managed Redis): assume the provider persists
  }
  if (!aof && !rdb) {
    log.warn(
      `${name} persistence is off (no AOF, no RDB snapshots): a Redis restart loses every comment. ` +
        'Use `appendonly yes` in production.',
    );
  }
}

export function parseInfo(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0 && !line.startsWith('#')) out.set(line.slice(0, i), line.slice(i + 1).trim());
  }
  return out;
}
