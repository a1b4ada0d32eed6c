import type { CoreDeps } from '../../core/deps.js';

/**
 * `closed`: call the provider. `probe`: the breaker is half-open and this caller makes the one
 * trial call. `open`: skip the provider (the comment is decided without it).
 */
export type BreakerPermit = 'closed' | 'probe' | 'open';

export interface BreakerOptions {
  /** Consecutive failures that open the breaker. */
  failures: number;
  /** How long it stays open before one trial call. */
  cooldownMs: number;
}

export interface CircuitBreaker {
  permit(siteId: string, provider: string): Promise<BreakerPermit>;
  succeeded(siteId: string, provider: string): Promise<void>;
  failed(siteId: string, provider: string, permit: BreakerPermit): Promise<void>;
}

// failures older than this are forgotten, so "consecutive" means recent ones
const IDLE_MS = 10 * 60 * 1000;

/**
 * A circuit breaker per site and provider, kept in Redis so every worker process shares it:
 * after `failures` consecutive failures the provider is skipped for `cooldownMs`; then one
 * caller probes it (half-open) — a success closes the breaker, a failure opens it again.
 * Races between processes only cost an extra call or skip, never a lost comment.
 * @example const permit = await breaker.permit(siteId, 'akismet'); if (permit !== 'open') …
 */
export function createCircuitBreaker(deps: Pick<CoreDeps, 'redis' | 'keys' | 'now'>, opts: BreakerOptions): CircuitBreaker {
  const { redis, keys } = deps;
  const open = (siteId: string, provider: string) =>
    redis
      .multi()
      .hset(keys.providerBreaker(siteId, provider), 'failures', 0, 'openUntil', deps.now() + opts.cooldownMs)
      .pexpire(keys.providerBreaker(siteId, provider), opts.cooldownMs + IDLE_MS)
      .del(keys.providerBreakerProbe(siteId, provider))
      .exec();
  return {
    async permit(siteId, provider) {
      const openUntil = Number((await redis.hget(keys.providerBreaker(siteId, provider), 'openUntil')) ?? 0);
      if (openUntil === 0) return 'closed';
      if (deps.now() < openUntil) return 'open';
      // half-open: one trial call at a time; the lock lapses if its caller dies
      const probe = await redis.set(keys.providerBreakerProbe(siteId, provider), '1', 'PX', opts.cooldownMs, 'NX');
      return probe === 'OK' ? 'probe' : 'open';
    },
    async succeeded(siteId, provider) {
      await redis.del(keys.providerBreaker(siteId, provider), keys.providerBreakerProbe(siteId, provider));
    },
    async failed(siteId, provider, permit) {
      if (permit === 'probe') {
        await open(siteId, provider);
        return;
      }
      const key = keys.providerBreaker(siteId, provider);
      const [[, count] = []] = ((await redis.multi().hincrby(key, 'failures', 1).pexpire(key, IDLE_MS).exec()) ?? []) as Array<
        [Error | null, number]
      >;
      if ((count ?? 0) >= opts.failures) await open(siteId, provider);
    },
  };
}
