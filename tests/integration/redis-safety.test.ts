import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { checkRedisSafety, createRedis, UnsafeRedisError } from '../../core/redis/connection.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';

const servers: PrivateRedis[] = [];
afterEach(async () => {
  while (servers.length) await servers.pop()!.destroy();
});

function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

async function check(args: string[]) {
  const redis = await startPrivateRedis(args);
  servers.push(redis);
  const client = createRedis(redis.url);
  await client.connect();
  const { log, lines } = capturingLogger();
  try {
    return { result: await checkRedisSafety(client, log).then(() => 'ok', (e: unknown) => e), lines };
  } finally {
    client.disconnect();
  }
}

describe('Redis safety check at boot', () => {
  it('refuses a Redis whose maxmemory-policy can evict keys, naming the policy', async () => {
    const { result } = await check(['--maxmemory-policy', 'allkeys-lru']);
    expect(result).toBeInstanceOf(UnsafeRedisError);
    expect(String((result as Error).message)).toMatch(/allkeys-lru.*noeviction/s);
  });

  it('refuses volatile eviction too: it would drop idempotency keys', async () => {
    const { result } = await check(['--maxmemory-policy', 'volatile-lru']);
    expect(result).toBeInstanceOf(UnsafeRedisError);
  });

  it('accepts noeviction and warns when nothing is persisted', async () => {
    const { result, lines } = await check(['--maxmemory-policy', 'noeviction', '--appendonly', 'no']);
    expect(result).toBe('ok');
    expect(lines.join('')).toMatch(/persistence is off/);
  });

  it('accepts noeviction with AOF without a warning', async () => {
    const { result, lines } = await check(['--maxmemory-policy', 'noeviction', '--appendonly', 'yes']);
    expect(result).toBe('ok');
    expect(lines.join('')).not.toMatch(/persistence is off/);
  });
});
