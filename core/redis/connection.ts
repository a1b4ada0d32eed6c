import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger.js';
import { createClusterClient, isClusterUrl } from './cluster-connection.js';
import { asCluster, isCluster } from './cluster-slots.js';
import { usesTls, type RedisSettings } from './redis-settings.js';
import { isSentinelUrl, parseSentinelUrl } from './sentinel-url.js';

export { Redis };

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** How long a process waits at boot for Redis (through every sentinel, or the cluster) before it gives up. */
export const BOOT_CONNECT_TIMEOUT_MS = 10_000;

const backoff = (attempt: number) => Math.min(attempt * 100, 1000);

/**
 * A Redis client for request paths: commands fail fast while Redis is unreachable instead of
 * queueing, so the API can answer 503 at once rather than hang.
 * For a `redis-cluster://` URL it is an ioredis Cluster with the same options on every node;
 * for `redis-sentinel://` a client that asks the sentinels for the master, and asks again after
 * a failover. The Cluster is typed as Redis: both expose the same commands, pipelines and
 * MULTI, and the few places that must tell them apart (event relay, safety check) use `asCluster`.
 */
export function createRedis(target: RedisSettings | string | undefined, opts: RedisOptions = {}, log?: Logger): Redis {
  const settings: RedisSettings = typeof target === 'object' ? target : { url: target };
  const url = settings.url;
  const options: RedisOptions = {
    maxRetriesPerRequest: 1,
    commandTimeout: 2000,
    connectTimeout: 2000,
    // back off up to 1 s between reconnects, forever: Redis coming back must heal us
    retryStrategy: backoff,
    lazyConnect: true,
    // queued commands wait for the next reconnect attempt (up to 2 s), so a request path refuses
    // at once instead; a BullMQ connection (maxRetriesPerRequest: null) waits for Redis
    enableOfflineQueue: opts.maxRetriesPerRequest === null,
    ...(settings.tls ? { tls: settings.tls } : {}),
    // credentials in REDIS_URL win over these
    ...(settings.username ? { username: settings.username } : {}),
    ...(settings.password ? { password: settings.password } : {}),
    ...opts,
  };
  let redis: Redis;
  if (isClusterUrl(url)) redis = createClusterClient(url, options) as unknown as Redis;
  else if (isSentinelUrl(url)) redis = new Redis(sentinelOptions(settings, options));
  else redis = new Redis(url ?? DEFAULT_REDIS_URL, options);
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

function sentinelOptions(settings: RedisSettings, options: RedisOptions): RedisOptions {
  const parsed = parseSentinelUrl(settings.url!);
  const { tls, ...rest } = options;
  return {
    ...rest,
    sentinels: parsed.sentinels,
    name: parsed.name,
    ...(parsed.username ? { username: parsed.username } : {}),
    ...(parsed.password ? { password: parsed.password } : {}),
    ...(settings.sentinelPassword ? { sentinelPassword: settings.sentinelPassword } : {}),
    ...(parsed.tls ? { tls: tls ?? {}, enableTLSForSentinelMode: true, sentinelTLS: tls ?? {} } : {}),
    // while no sentinel answers, ask them all again, forever, like a single Redis reconnects
    sentinelRetryStrategy: backoff,
    // no failoverDetector: in ioredis 6 a +switch-master that arrives while the client is already
    // reconnecting (the master died) ends the client for good. A dead master is noticed anyway,
    // and a write that reaches a demoted primary asks the sentinels again for the master:
    reconnectOnError: (err) => err.message.startsWith('READONLY'),
  };
}

/**
 * Connects and waits until Redis answers, or throws one message saying where we looked and
 * why it failed (unreachable, refused certificate, unknown sentinel master, wrong password).
 */
export async function connectRedis(redis: Redis, target: RedisSettings | string | undefined): Promise<void> {
  const url = (typeof target === 'object' ? target.url : target) ?? DEFAULT_REDIS_URL;
  let lastError: Error | undefined;
  const remember = (err: Error) => {
    lastError = err;
  };
  redis.on('error', remember);
  let timer: NodeJS.Timeout | undefined;
  try {
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(lastError ?? new Error(`no answer within ${BOOT_CONNECT_TIMEOUT_MS} ms`)), BOOT_CONNECT_TIMEOUT_MS);
    });
    await Promise.race([redis.connect().then(() => redis.ping()), deadline]);
  } catch (err) {
    redis.disconnect();
    throw new Error(`Cannot reach Redis at ${redactUrl(url)}: ${explainConnectError(lastError ?? (err as Error), url)}`);
  } finally {
    clearTimeout(timer);
    redis.off('error', remember);
  }
}

const CERTIFICATE_NOT_TRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_SIGNATURE_FAILURE',
]);

/** Turns ioredis' and Node's errors into the sentence an operator needs. */
function explainConnectError(error: Error, url: string): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  // OpenSSL's messages end with a line break: the boot error stays on one line
  const err = { message: error.message.replace(/\s+/g, ' ').trim().replace(/\.$/, '') };
  if (/certificate required|CERTIFICATE_REQUIRED/i.test(`${code} ${err.message}`)) {
    return `Redis asks for a client certificate (${code || err.message}): set REDIS_TLS_CERT_FILE and REDIS_TLS_KEY_FILE.`;
  }
  if (CERTIFICATE_NOT_TRUSTED.has(code)) {
    return `its TLS certificate is not signed by a trusted CA (${code}): set REDIS_TLS_CA_FILE to the CA that signed it.`;
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return `its TLS certificate is for another name (${err.message}): connect by the name on the certificate, or set REDIS_TLS_SERVERNAME.`;
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') return `its TLS certificate is not valid now (${code}).`;
  if (isSentinelUrl(url) && /invalid reply: null|sentinels are unreachable/i.test(err.message)) {
    const { sentinels, name } = parseSentinelUrl(url);
    return (
      `no sentinel of ${sentinels.map((s) => `${s.host}:${s.port}`).join(', ')} gave the address of a master named "${name}" ` +
      `(${err.message}). Check that the sentinels run and monitor "${name}".`
    );
  }
  if (usesTls(url) && (code === 'ECONNRESET' || /ECONNRESET|socket disconnected|wrong version|alert/i.test(err.message))) {
    return (
      `the TLS handshake failed (${err.message}): Redis may require a client certificate ` +
      '(REDIS_TLS_CERT_FILE and REDIS_TLS_KEY_FILE), or this port does not speak TLS.'
    );
  }
  if (url !== DEFAULT_REDIS_URL) return `${err.message}.`;
  return `${err.message}. Set REDIS_URL, or install redis-server (e.g. \`apt-get install redis-server\`) and let \`npm start\` run one.`;
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
