import type { Redis } from 'ioredis';
import type { Config } from './config.js';
import type { RedisKeys } from './redis/keys.js';

/**
 * In development, secrets that were not configured are generated once and kept in Redis, so
 * every process (servers, workers, restarts) agrees on them and tokens keep working.
 * Returns the config to use and whether the admin token was created just now.
 */
export async function settleDevSecrets(
  redis: Redis,
  keys: RedisKeys,
  config: Config,
): Promise<{ config: Config; adminTokenIsNew: boolean }> {
  let adminTokenIsNew = false;
  const next = { ...config };
  if (config.adminTokenGenerated) {
    adminTokenIsNew = (await redis.hsetnx(keys.devSecrets, 'ADMIN_TOKEN', config.ADMIN_TOKEN)) === 1;
    next.ADMIN_TOKEN = (await redis.hget(keys.devSecrets, 'ADMIN_TOKEN')) ?? config.ADMIN_TOKEN;
  }
  if (config.jwtSecretGenerated) {
    await redis.hsetnx(keys.devSecrets, 'JWT_SECRET', config.JWT_SECRET);
    next.JWT_SECRET = (await redis.hget(keys.devSecrets, 'JWT_SECRET')) ?? config.JWT_SECRET;
  }
  return { config: next, adminTokenIsNew };
}
