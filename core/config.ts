import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseJwtKeys, type JwtKey } from './jwt-keys.js';
import { readRedisSettings, redisUrlProblem, type RedisSettings } from './redis/redis-settings.js';

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
   * `redis-cluster://host:port[?seeds=host:port,…]` (`rediss-cluster://` with TLS) uses Redis Cluster;
   * `redis-sentinel://host:port[,host:port…]/mastername` (`rediss-sentinel://`) Redis Sentinel.
   */
  REDIS_URL: z
    .string()
    .optional()
    .superRefine((url, ctx) => {
      const problem = url === undefined ? undefined : redisUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /** ACL user of the Redis data nodes, when REDIS_URL carries no credentials. */
  REDIS_USERNAME: z.string().optional(),
  /** Password of the Redis data nodes (or of REDIS_USERNAME), when REDIS_URL carries none; REDIS_PASSWORD_FILE for a secret file. */
  REDIS_PASSWORD: z.string().optional(),
  /** PEM file of the CA that signed Redis's certificate (rediss URLs); unset: the system's CAs. */
  REDIS_TLS_CA_FILE: z.string().optional(),
  /** PEM client certificate, for a Redis that asks for one (`tls-auth-clients yes`); with REDIS_TLS_KEY_FILE. */
  REDIS_TLS_CERT_FILE: z.string().optional(),
  /** PEM private key of REDIS_TLS_CERT_FILE. */
  REDIS_TLS_KEY_FILE: z.string().optional(),
  /** Name Redis's certificate must carry, when it differs from the host in REDIS_URL (an IP, a cluster node). */
  REDIS_TLS_SERVERNAME: z.string().optional(),
  /** Password of the sentinels themselves (`requirepass` in sentinel.conf), when they have one. */
  REDIS_SENTINEL_PASSWORD: z.string().optional(),
  /**
   * When a new comment is answered 202: `primary`, once the Redis primary holds it (a failover can
   * lose what the replica had not received yet); `replica`, once a replica has it too (WAIT).
   */
  DURABILITY: z.enum(['primary', 'replica']).default('primary'),
  /** DURABILITY=replica: how long a post waits for a replica before it is answered 503 durability_unavailable. */
  DURABILITY_TIMEOUT_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  /** Number of BullMQ moderation queues, each with a hash tag of its own; a site's comments go to one. */
  MODERATION_QUEUE_SHARDS: z.coerce.number().int().min(1).max(64).default(1),
  /** Token for the admin API. Required in production; generated and printed once in development. */
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Secret that signs internal tokens without a key id. Required in production unless JWT_KEYS is set. */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Signing keys with ids, `kid:secret` separated by commas or lines; the first signs, all verify. */
  JWT_KEYS: z.string().optional(),
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
  /**
   * How long a server holds a new comment, at most, so that comments arriving meanwhile share
   * its moderation job (BullMQ spends ~45 Redis commands per job, whatever it carries). The
   * latency budget of batching: 0 adds each lone comment on the next turn of the event loop.
   */
  MODERATION_BATCH_LINGER_MS: z.coerce.number().int().min(0).max(1000).default(20),
  /**
   * How long the event relay waits after a read that brought events before reading again, so
   * that events arriving meanwhile go to each socket in one write. The latency budget of
   * coalescing live events; 0 reads again at once.
   */
  REALTIME_RELAY_LINGER_MS: z.coerce.number().int().min(0).max(1000).default(10),
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
  /** Where moderators reach this Palabre (https://comments.example.com): Slack and Discord webhook messages link to the console there. Unset: no link. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The newsroom's OpenID Connect provider (issuer URL): moderators sign in with it. Unset: tokens only. */
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  /** The client id Palabre is registered under at the provider. */
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** The client's secret (OIDC_CLIENT_SECRET_FILE for a secret file). */
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Where the provider sends moderators back: https://<palabre host>/auth/oidc/callback, registered at the provider. */
  OIDC_REDIRECT_URI: z.url({ protocol: /^https?$/ }).optional(),
  /** Scopes asked for; add the one that releases groups if the provider needs it (e.g. `groups`). */
  OIDC_SCOPES: z.string().default('openid email profile'),
  /** The claim that lists a user's groups (Keycloak, Entra: `groups`; Google Workspace has none). */
  OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  /** Lifetime of a signed-in moderator's access token; the console refreshes it before it ends. */
  SESSION_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(900),
  /** A sign-in lasts at most this long; then the moderator signs in again at the provider. */
  SESSION_MAX_SECONDS: z.coerce.number().int().min(300).max(30 * 86_400).default(43_200),
  /** Create a demo site on an empty database. Default: on, except with NODE_ENV=production. */
  DEMO_SITE: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === '1' || v === 'true')),
});

export type Config = Omit<z.infer<typeof configSchema>, 'DEMO_SITE'> & {
  ADMIN_TOKEN: string;
  JWT_SECRET: string;
  DEMO_SITE: boolean;
  /** JWT_KEYS parsed, the signing key first; empty when only JWT_SECRET is set. */
  jwtKeys: JwtKey[];
  /** REDIS_URL with the certificates read and the sentinel password: what createRedis takes. */
  redis: RedisSettings;
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
export function loadConfig(env: NodeJS.ProcessEnv = process.env, readFile: (path: string) => string = readText): Config {
  const { values, problems } = withSecretFiles(withoutEmptyStrings(env), readFile);
  const parsed = configSchema.safeParse(values);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  if (!parsed.success || problems.length > 0) throw invalid(problems);
  const cfg = parsed.data;
  if (cfg.NODE_ENV === 'production') {
    if (!cfg.ADMIN_TOKEN) problems.push('ADMIN_TOKEN: required when NODE_ENV=production');
    if (!cfg.JWT_SECRET && !cfg.JWT_KEYS) problems.push('JWT_SECRET: required when NODE_ENV=production (or JWT_KEYS)');
  }
  let jwtKeys: JwtKey[] = [];
  try {
    if (cfg.JWT_KEYS) jwtKeys = parseJwtKeys(cfg.JWT_KEYS);
  } catch (err) {
    problems.push(`JWT_KEYS: ${(err as Error).message}`);
  }
  const redis = readRedisSettings(cfg);
  problems.push(...redis.problems);
  problems.push(...oidcProblems(cfg));
  if (problems.length > 0) throw invalid(problems);
  return {
    ...cfg,
    ADMIN_TOKEN: cfg.ADMIN_TOKEN ?? `adm_${randomBytes(24).toString('base64url')}`,
    JWT_SECRET: cfg.JWT_SECRET ?? randomBytes(32).toString('base64url'),
    DEMO_SITE: cfg.DEMO_SITE ?? cfg.NODE_ENV !== 'production',
    jwtKeys,
    redis: redis.settings,
    adminTokenGenerated: !cfg.ADMIN_TOKEN,
    jwtSecretGenerated: !cfg.JWT_SECRET,
  };
}

const OIDC_REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const;

/** Sign-in with OpenID Connect needs all four settings or none: name the missing ones. */
function oidcProblems(cfg: Partial<Record<(typeof OIDC_REQUIRED)[number], string>>): string[] {
  const set = OIDC_REQUIRED.filter((v) => cfg[v] !== undefined);
  if (set.length === 0 || set.length === OIDC_REQUIRED.length) return [];
  return OIDC_REQUIRED.filter((v) => cfg[v] === undefined).map((v) => `${v}: required for sign-in with OpenID Connect (${set.join(', ')} set)`);
}

const invalid = (problems: string[]) => new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);

const readText = (path: string): string => readFileSync(path, 'utf8');

/**
 * `NAME_FILE=/path` stands for NAME: the value is read from the file (Docker and Kubernetes
 * secrets, systemd credentials), without its final line break. Returns the variable NAME_FILE
 * stands for, or undefined when it is not such a variable.
 */
export function secretFileVariable(name: string): string | undefined {
  if (!name.endsWith('_FILE') || name in configSchema.shape) return undefined;
  const base = name.slice(0, -'_FILE'.length);
  return base in configSchema.shape ? base : undefined;
}

function withSecretFiles(env: Record<string, string>, readFile: (path: string) => string): { values: Record<string, string>; problems: string[] } {
  const values = { ...env };
  const problems: string[] = [];
  for (const [name, path] of Object.entries(env)) {
    const base = secretFileVariable(name);
    if (!base) continue;
    delete values[name];
    if (env[base] !== undefined) {
      problems.push(`${base}: set both ${base} and ${name}; keep one`);
      continue;
    }
    try {
      const value = readFile(path).replace(/\r?\n$/, '');
      if (value === '') problems.push(`${name}: ${path} is empty`);
      else values[base] = value;
    } catch (err) {
      problems.push(`${name}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  }
  return { values, problems };
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
