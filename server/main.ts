import { createServer } from 'node:http';
import { loadConfigOrExit } from '../core/config.js';
import { settleDevSecrets } from '../core/dev-secrets.js';
import { newId } from '../core/ids.js';
import { createLogger } from '../core/logger.js';
import { tokenSigner } from '../core/moderators/moderator-store.js';
import { checkRedisSafety, connectRedis, createRedis } from '../core/redis/connection.js';
import { redisKeys } from '../core/redis/keys.js';
import { ensureDemoSite } from '../core/sites/demo-site.js';
import { createApp } from './app.js';
import { createWriteLimits } from './http/write-limits.js';
import type { ServerDeps } from './server-deps.js';

const bootConfig = loadConfigOrExit();
const log = createLogger(bootConfig.LOG_LEVEL, 'palabre-server');
const redis = createRedis(bootConfig.REDIS_URL, {}, log);

try {
  await connectRedis(redis, bootConfig.REDIS_URL);
  await checkRedisSafety(redis, log);
} catch (err) {
  log.fatal((err as Error).message);
  process.stderr.write(`palabre: ${(err as Error).message}\n`);
  process.exit(1);
}

const keys = redisKeys(bootConfig.KEY_PREFIX);
const { config, adminTokenIsNew } = await settleDevSecrets(redis, keys, bootConfig);
if (adminTokenIsNew) {
  process.stdout.write(
    `\nGenerated ADMIN_TOKEN (development only, shown once; kept in Redis ${keys.devSecrets}):\n  ${config.ADMIN_TOKEN}\n\n`,
  );
}

const deps: ServerDeps = {
  redis,
  keys,
  log,
  now: Date.now,
  newId,
  config,
  signer: tokenSigner(config.JWT_SECRET),
  writeLimits: createWriteLimits({
    redis,
    keyPrefix: keys.rateLimits,
    ipPerMinute: config.RATE_LIMIT_IP_PER_MINUTE,
    authorPerMinute: config.RATE_LIMIT_AUTHOR_PER_MINUTE,
    disabled: config.RATE_LIMIT_DISABLED,
  }),
};

if (config.DEMO_SITE) {
  const demo = await ensureDemoSite(deps, deps.signer, config.PORT);
  if (demo) {
    process.stdout.write(
      `Demo site created (shown once):\n  site id:         ${demo.siteId}\n  public key:      ${demo.publicKey}\n` +
        `  moderator token: ${demo.moderatorToken}\n\n`,
    );
  }
}

const httpServer = createServer(createApp(deps));
// bound slow clients: headers within 10 s, a whole request within 30 s
httpServer.headersTimeout = 10_000;
httpServer.requestTimeout = 30_000;
httpServer.keepAliveTimeout = 5_000;

httpServer.listen(config.PORT, config.HOST, () => {
  const addr = httpServer.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.PORT;
  log.info({ port }, 'palabre server listening');
  process.stdout.write(`Palabre server listening on http://localhost:${port}\n`);
});

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(0), 10_000);
  force.unref();
  httpServer.close(() => {
    redis.quit().finally(() => process.exit(0));
  });
  httpServer.closeIdleConnections();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
