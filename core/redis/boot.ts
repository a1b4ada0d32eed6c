import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { checkRedisSafety, connectRedis, createRedis, type Redis } from './connection.js';

/**
 * Connects a process to Redis and refuses an unsafe one; on failure prints why and exits 1,
 * because no Palabre process can do anything useful without its store.
 */
export async function connectOrExit(config: Config, log: Logger): Promise<Redis> {
  const redis = createRedis(config.redis, {}, log);
  try {
    await connectRedis(redis, config.redis);
    await checkRedisSafety(redis, log);
  } catch (err) {
    log.fatal((err as Error).message);
    process.stderr.write(`palabre: ${(err as Error).message}\n`);
    process.exit(1);
  }
  return redis;
}
