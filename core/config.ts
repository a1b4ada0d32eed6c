import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .default('0')
  .transform((v) => v === '1' || v === 'true');

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Every environment variable Palabre reads, with its default. The README's configuration
 * reference mirrors this schema; keep them together.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** HTTP port of the server. */
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** Address the server binds. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /**
   * Redis connection URL. Unset: 127.0.0.1:6379, or a private redis-server started by `npm start`.
   * `redis-cluster://host:port[?seeds=host:port,…]` (`rediss-cluster://` with TLS) uses Redis Cluster.
   */
  REDIS_URL: z.url({ protocol: /^rediss?(-cluster)?$/ }).optional(),
  /** Token for the admin API. Required in production; generated and printed once in development. */
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Secret that signs internal tokens. Required in production. */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Prefix of every Redis key Palabre writes, so several deployments or tests can share one Redis. */
  KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be 1-32 letters, digits, - or _')
    .default('pal'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * A client address's flood ceiling: writes (posts, reports) per minute before its established
   * readers raise it, for sites whose policy leaves `flood.addressPerMinute` null.
   */
  RATE_LIMIT_IP_PER_MINUTE: positiveInt(120),
  /** Writes per reader (SSO subject or device id) per minute, for sites whose policy leaves `flood.readerPerMinute` null. */
  RATE_LIMIT_AUTHOR_PER_MINUTE: positiveInt(10),
  /** `1` turns write rate limits off, for load tests only. */
  RATE_LIMIT_DISABLED: flag,
  /** Number of reverse proxies in front of the server whose X-Forwarded-For is trusted. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Jobs a worker process runs at once. */
  WORKER_CONCURRENCY: positiveInt(16),
  /** A job whose worker stops renewing its lock (crash) is retried after this many ms. */
  WORKER_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** Calls to outside providers (Akismet, HTTP classifiers) per second, shared by every worker process. */
  PROVIDER_RATE_PER_SECOND: positiveInt(10),
  /** Consecutive failures of one provider for one site that open its circuit breaker. */
  PROVIDER_BREAKER_FAILURES: positiveInt(5),
  /** How long an open breaker skips the provider before one trial call (half-open). */
  PROVIDER_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /** Bearer token Prometheus sends to scrape /metrics (server and workers). Unset: only ADMIN_TOKEN may scrape. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Port of the worker process's /metrics and /healthz listener (bound on HOST); 0 turns it off. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9465),
  /** /readyz fails when the oldest waiting moderation job is older than this and no worker is connected. */
  READY_MAX_QUEUE_AGE_MS: z.coerce.number().int().min(1).max(86_400_000).default(60_000),
  /** Create a demo site on an empty database. */
  DEMO_SITE: z
    .enum(['0', '1', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
});

export type Config = z.infer<typeof configSchema> & {
  ADMIN_TOKEN: string;
  JWT_SECRET: string;
  /** True when ADMIN_TOKEN was generated at boot (development only). */
  adminTokenGenerated: boolean;
  /** True when JWT_SECRET was generated at boot (development only). */
  jwtSecretGenerated: boolean;
};

/** Thrown for invalid configuration; the message names every bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses the environment once at boot. Production requires ADMIN_TOKEN and JWT_SECRET;
 * elsewhere missing ones are generated so a newcomer can start with no setup.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(withoutEmptyStrings(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const cfg = parsed.data;
  const missing: string[] = [];
  if (cfg.NODE_ENV === 'production') {
    if (!cfg.ADMIN_TOKEN) missing.push('ADMIN_TOKEN');
    if (!cfg.JWT_SECRET) missing.push('JWT_SECRET');
  }
  if (missing.length > 0) {
    throw new ConfigError(
      `Invalid configuration:\n${missing.map((v) => `  ${v}: required when NODE_ENV=production`).join('\n')}`,
    );
  }
  return {
    ...cfg,
    ADMIN_TOKEN: cfg.ADMIN_TOKEN ?? `adm_${randomBytes(24).toString('base64url')}`,
    JWT_SECRET: cfg.JWT_SECRET ?? randomBytes(32).toString('base64url'),
    adminTokenGenerated: !cfg.ADMIN_TOKEN,
    jwtSecretGenerated: !cfg.JWT_SECRET,
  };
}

// `FOO=` in a shell or compose file means "use the default", not "empty value".
function withoutEmptyStrings(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

/** Loads config or prints the problem and exits 1: for process entry points. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`palabre: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
