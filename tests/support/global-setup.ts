import { spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { startPrivateRedis, type PrivateRedis } from './private-redis.js';

let privateRedis: PrivateRedis | undefined;

/**
 * Tests need a Redis. Use TEST_REDIS_URL, else 127.0.0.1:6379 when it answers, else start a
 * private redis-server for the run, so `npm test` works on a machine with only the binary.
 */
export async function setup(): Promise<void> {
  // the server serves the SDK bundles; browser and SDK tests need them current
  const built = spawnSync(process.execPath, ['client-sdk/build.mjs', '--if-stale'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('client-sdk build failed');
  const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
    process.env.TEST_REDIS_URL = url;
  } catch {
    if (process.env.TEST_REDIS_URL) throw new Error(`TEST_REDIS_URL ${url} does not answer`);
    privateRedis = await startPrivateRedis(['--maxmemory-policy', 'noeviction']);
    process.env.TEST_REDIS_URL = privateRedis.url;
  } finally {
    probe.disconnect();
  }
}

export async function teardown(): Promise<void> {
  await privateRedis?.destroy();
}
