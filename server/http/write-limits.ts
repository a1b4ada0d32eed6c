import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import { errors } from '../../core/errors.js';

/** Per-address and per-author write limits, counted in Redis so every server process shares them. */
export interface WriteLimits {
  /** Counts one write from a client address; throws 429 `rate_limited` with Retry-After when spent. */
  consumeIp(ip: string): Promise<void>;
  /** Counts one write by an author (SSO subject or device), whatever address it comes from. */
  consumeAuthor(authorId: string): Promise<void>;
}

export function createWriteLimits(opts: {
  redis: Redis;
  keyPrefix: string;
  ipPerMinute: number;
  authorPerMinute: number;
  disabled: boolean;
}): WriteLimits {
  if (opts.disabled) return { consumeIp: async () => {}, consumeAuthor: async () => {} };
  const byIp = new RateLimiterRedis({
    storeClient: opts.redis,
    keyPrefix: `${opts.keyPrefix}:ip`,
    points: opts.ipPerMinute,
    duration: 60,
  });
  const byAuthor = new RateLimiterRedis({
    storeClient: opts.redis,
    keyPrefix: `${opts.keyPrefix}:author`,
    points: opts.authorPerMinute,
    duration: 60,
  });
  return {
    consumeIp: (ip) => consume(byIp, ip),
    consumeAuthor: (authorId) => consume(byAuthor, authorId),
  };
}

async function consume(limiter: RateLimiterRedis, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) {
      throw errors.rateLimited(Math.max(1, Math.ceil(err.msBeforeNext / 1000)));
    }
    throw err; // Redis trouble: the error handler turns it into 503
  }
}
