import type { DestinationStream } from 'pino';
import { loadConfig, type Config } from '../../core/config.js';
import { createLogger } from '../../core/logger.js';
import { createRedis } from '../../core/redis/connection.js';
import { startPalabreServer, type RunningServer } from '../../server/palabre-server.js';
import { createServerDeps, type ServerDeps } from '../../server/server-deps.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from './redis-prefix.js';

export interface TestServer {
  url: string;
  /** The running HTTP + Socket.IO server, for tests that need to reach its sockets. */
  running: RunningServer;
  deps: ServerDeps;
  config: Config;
  adminToken: string;
  close(): Promise<void>;
}

/** The real Express app on a random port, against real Redis under a key prefix of its own. */
export async function startTestServer(
  env: Record<string, string> = {},
  logStream?: DestinationStream,
): Promise<TestServer> {
  const prefix = uniquePrefix();
  const config = loadConfig({
    NODE_ENV: 'test',
    REDIS_URL: TEST_REDIS_URL,
    KEY_PREFIX: prefix,
    ADMIN_TOKEN: 'adm_test_token_0123456789',
    JWT_SECRET: 'test-jwt-secret-0123456789-0123456789',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const redis = createRedis(config.REDIS_URL);
  await redis.connect();
  const deps = createServerDeps(config, redis, createLogger(config.LOG_LEVEL, 'test', logStream));
  const server = await startPalabreServer(deps, 0, '127.0.0.1');
  const port = server.port;
  return {
    url: `http://127.0.0.1:${port}`,
    running: server,
    deps,
    config,
    adminToken: config.ADMIN_TOKEN,
    async close() {
      server.http.closeAllConnections();
      await server.close();
      await deleteKeys(redis, prefix);
      // presence updates of sockets closed just now may land a moment later: sweep again
      await new Promise((r) => setTimeout(r, 150));
      await deleteKeys(redis, prefix);
      await redis.quit();
    },
  };
}

/** fetch + JSON, returning status, headers and parsed body. */
export async function api(
  base: string,
  method: string,
  path: string,
  opts: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(opts.body !== undefined || opts.rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    },
    ...(opts.rawBody !== undefined
      ? { body: opts.rawBody }
      : opts.body !== undefined
        ? { body: JSON.stringify(opts.body) }
        : {}),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // keep text
  }
  return { status: res.status, headers: res.headers, body };
}
