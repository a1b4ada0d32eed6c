import { Redis } from 'ioredis';
import { createRedis } from '../../core/redis/connection.js';
import { isSentinelUrl } from '../../core/redis/sentinel-url.js';
import { freePort } from './private-redis.js';
import { startProcess, type RunningProcess } from './processes.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from './redis-prefix.js';

export interface PalabreStack {
  url: string;
  prefix: string;
  adminToken: string;
  redis: Redis;
  env: Record<string, string>;
  server: RunningProcess;
  /** Further server processes on the same Redis and prefix, each with its own URL. */
  extraServers: Array<{ url: string; process: RunningProcess }>;
  workers: RunningProcess[];
  startWorker(extraEnv?: Record<string, string>): Promise<RunningProcess>;
  stop(): Promise<void>;
}

/** A real server process and worker processes on a key prefix of their own. */
export async function startStack(
  opts: { workers?: number; servers?: number; env?: Record<string, string>; redisUrl?: string; port?: number } = {},
): Promise<PalabreStack> {
  const prefix = uniquePrefix();
  const port = opts.port ?? (await freePort());
  const redisUrl = opts.redisUrl ?? TEST_REDIS_URL;
  const env = {
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    REDIS_URL: redisUrl,
    KEY_PREFIX: prefix,
    ADMIN_TOKEN: 'adm_e2e_token_0123456789',
    JWT_SECRET: 'e2e-jwt-secret-0123456789-0123456789',
    DEMO_SITE: '0',
    RATE_LIMIT_DISABLED: '1',
    WORKER_LOCK_MS: '4000',
    WORKER_METRICS_PORT: '0', // several workers per machine: a test that scrapes one gives it a free port
    ...opts.env,
  };
  const server = startProcess('server', 'server/main.ts', env);
  const workers: RunningProcess[] = [];
  const startWorker = async (extraEnv: Record<string, string> = {}) => {
    const w = startProcess(`worker-${workers.length}`, 'workers/main.ts', { ...env, ...extraEnv });
    workers.push(w);
    await w.waitFor(/workers running/, 60_000);
    return w;
  };
  await server.waitFor(/listening on/, 60_000);
  const extraServers: PalabreStack['extraServers'] = [];
  for (let i = 1; i < (opts.servers ?? 1); i++) {
    const extraPort = await freePort();
    const p = startProcess(`server-${i}`, 'server/main.ts', { ...env, PORT: String(extraPort) });
    await p.waitFor(/listening on/, 60_000);
    extraServers.push({ url: `http://127.0.0.1:${extraPort}`, process: p });
  }
  for (let i = 0; i < (opts.workers ?? 1); i++) await startWorker();
  // a Sentinel URL needs the client that asks the sentinels, and follows a failover
  const redis = isSentinelUrl(redisUrl)
    ? createRedis(redisUrl, { lazyConnect: false, enableOfflineQueue: true, maxRetriesPerRequest: 20, commandTimeout: 5000 })
    : new Redis(redisUrl);
  return {
    url: `http://127.0.0.1:${port}`,
    prefix,
    adminToken: env.ADMIN_TOKEN,
    redis,
    env,
    server,
    extraServers,
    workers,
    startWorker,
    async stop() {
      await Promise.all([server.stop(), ...extraServers.map((x) => x.process.stop()), ...workers.map((w) => w.stop())]);
      await deleteKeys(redis, prefix);
      await redis.quit();
    },
  };
}
