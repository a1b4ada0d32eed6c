import { loadConfigOrExit } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { checkRedisSafety, connectRedis, createRedis } from '../core/redis/connection.js';

// Placeholder until the moderation pipeline lands: connects, checks Redis, waits for signals.
const config = loadConfigOrExit();
const log = createLogger(config.LOG_LEVEL, 'palabre-workers');
const redis = createRedis(config.REDIS_URL, {}, log);
try {
  await connectRedis(redis, config.REDIS_URL);
  await checkRedisSafety(redis, log);
} catch (err) {
  process.stderr.write(`palabre: ${(err as Error).message}\n`);
  process.exit(1);
}
log.info('palabre workers ready');
for (const sig of ['SIGTERM', 'SIGINT'] as const) {
  process.on(sig, () => {
    redis.quit().finally(() => process.exit(0));
  });
}
