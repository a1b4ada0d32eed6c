import type { Redis } from 'ioredis';
import { loadConfigOrExit } from '../core/config.js';
import { settleDevSecrets } from '../core/dev-secrets.js';
import { createLogger } from '../core/logger.js';
import { connectOrExit } from '../core/redis/boot.js';
import { redisKeys } from '../core/redis/keys.js';
import { ensureDemoSite } from '../core/sites/demo-site.js';
import { warnWithoutReplica } from '../core/redis/replication-check.js';
import { startPalabreServer, type RunningServer } from './palabre-server.js';
import { createServerDeps } from './server-deps.js';
import { discoverOidc } from './auth/oidc/oidc-client.js';

const bootConfig = loadConfigOrExit();
const log = createLogger(bootConfig.LOG_LEVEL, 'palabre-server');

// signals are handled from the first moment, so a stop during boot is clean too
let server: RunningServer | undefined;
let redis: Redis | undefined;
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  setTimeout(() => process.exit(0), 10_000).unref();
  await server?.close().catch((err: unknown) => log.warn({ err }, 'close failed'));
  await redis?.quit().catch(() => {});
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

redis = await connectOrExit(bootConfig, log);

const { config, adminTokenIsNew } = await settleDevSecrets(redis, redisKeys(bootConfig.KEY_PREFIX), bootConfig);
const oidc = await discoverOidc(config, log).catch((err: unknown) => {
  log.fatal((err as Error).message);
  process.stderr.write(`palabre: ${(err as Error).message}\n`);
  process.exit(1);
});
const deps = createServerDeps(config, redis, log, { oidc });
if (adminTokenIsNew) {
  process.stdout.write(
    `\nGenerated ADMIN_TOKEN (development only, shown once; kept in Redis ${deps.keys.devSecrets}):\n  ${config.ADMIN_TOKEN}\n\n`,
  );
}
if (config.DEMO_SITE) {
  const demo = await ensureDemoSite(deps, deps.signer, config.PORT);
  // production logs are shipped and kept: a token printed there is a token leaked
  if (demo && config.NODE_ENV === 'production') {
    log.info({ siteId: demo.siteId }, 'demo site created; make a moderator with POST /api/v1/sites/:siteId/moderators');
  } else if (demo) {
    process.stdout.write(
      `Demo site created (shown once):\n  site id:         ${demo.siteId}\n  public key:      ${demo.publicKey}\n` +
        `  moderator token: ${demo.moderatorToken}\n\n`,
    );
  }
}
if (config.DURABILITY === 'replica') await warnWithoutReplica(redis, log);

server = await startPalabreServer(deps, config.PORT, config.HOST);
log.info({ port: server.port }, 'palabre server listening');
process.stdout.write(`Palabre server listening on http://localhost:${server.port}\n`);
