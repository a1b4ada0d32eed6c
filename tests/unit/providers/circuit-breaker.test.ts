import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { redisKeys } from '../../../core/redis/keys.js';
import { createCircuitBreaker, type CircuitBreaker } from '../../../workers/providers/circuit-breaker.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../support/redis-prefix.js';

const prefix = uniquePrefix();
const keys = redisKeys(prefix);
let redis: Redis;
let clock = 1_000_000;
let site = 0;
const nextSite = () => `site${++site}`;
const breaker = (): CircuitBreaker =>
  createCircuitBreaker({ redis, keys, now: () => clock }, { failures: 3, cooldownMs: 500 });

beforeAll(() => {
  redis = new Redis(TEST_REDIS_URL);
});
afterAll(async () => {
  await deleteKeys(redis, prefix);
  await redis.quit();
});

describe('the provider circuit breaker', () => {
  it('stays closed below the failure count', async () => {
    const b = breaker();
    const s = nextSite();
    await b.failed(s, 'akismet', 'closed');
    await b.failed(s, 'akismet', 'closed');
    expect(await b.permit(s, 'akismet')).toBe('closed');
  });

  it('opens after the failure count and stays open for the cool-down', async () => {
    const b = breaker();
    const s = nextSite();
    for (let i = 0; i < 3; i++) await b.failed(s, 'akismet', 'closed');
    expect(await b.permit(s, 'akismet')).toBe('open');
    clock += 499;
    expect(await b.permit(s, 'akismet')).toBe('open');
  });

  it('lets one probe through after the cool-down, and closes on its success', async () => {
    const b = breaker();
    const s = nextSite();
    for (let i = 0; i < 3; i++) await b.failed(s, 'http', 'closed');
    clock += 500;
    expect(await b.permit(s, 'http')).toBe('probe');
    expect(await b.permit(s, 'http')).toBe('open'); // a second caller waits for the probe
    await b.succeeded(s, 'http');
    expect(await b.permit(s, 'http')).toBe('closed');
  });

  it('opens again for a full cool-down when the probe fails', async () => {
    const b = breaker();
    const s = nextSite();
    for (let i = 0; i < 3; i++) await b.failed(s, 'http', 'closed');
    clock += 500;
    expect(await b.permit(s, 'http')).toBe('probe');
    await b.failed(s, 'http', 'probe');
    expect(await b.permit(s, 'http')).toBe('open');
    clock += 500;
    expect(await b.permit(s, 'http')).toBe('probe');
  });

  it('counts only consecutive failures: a success starts the count again', async () => {
    const b = breaker();
    const s = nextSite();
    await b.failed(s, 'akismet', 'closed');
    await b.failed(s, 'akismet', 'closed');
    await b.succeeded(s, 'akismet');
    await b.failed(s, 'akismet', 'closed');
    await b.failed(s, 'akismet', 'closed');
    expect(await b.permit(s, 'akismet')).toBe('closed');
  });

  it('keeps sites and providers apart, and is shared by every breaker on the same Redis', async () => {
    const s = nextSite();
    const other = nextSite();
    for (let i = 0; i < 3; i++) await breaker().failed(s, 'akismet', 'closed');
    expect(await breaker().permit(s, 'akismet')).toBe('open');
    expect(await breaker().permit(s, 'http')).toBe('closed');
    expect(await breaker().permit(other, 'akismet')).toBe('closed');
  });
});
