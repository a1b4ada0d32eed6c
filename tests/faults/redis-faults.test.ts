import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, postComment, type TestSite } from '../support/fixtures.js';
import { waitUntil } from '../support/in-process-worker.js';

let redis: PrivateRedis;
let server: TestServer;
let site: TestSite;

beforeAll(async () => {
  redis = await startPrivateRedis(['--maxmemory-policy', 'noeviction', '--appendonly', 'yes']);
  server = await startTestServer({ REDIS_URL: redis.url, RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server);
});
afterAll(async () => {
  await server.close().catch(() => {});
  await redis.destroy();
});

describe('Redis trouble', () => {
  it('answers 503 storage_unavailable with Retry-After within a second while Redis is down, then recovers', async () => {
    await redis.stop('SIGKILL');
    const t0 = Date.now();
    const res = await postComment(server, site, 'down', { body: 'pendant la panne', author: { name: 'A' } });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('storage_unavailable');
    expect(res.headers.get('retry-after')).toBe('1');
    expect((await api(server.url, 'GET', '/readyz')).status).toBe(503);
    await redis.restart();
    let status = 0;
    for (let i = 0; i < 50 && status !== 202; i++) {
      status = (await postComment(server, site, 'down', { body: `après la panne ${i}`, author: { name: 'A' } })).status;
      if (status !== 202) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(202);
  }, 30_000);

  it('answers 503 storage_full when Redis is out of memory, and evicts nothing', async () => {
    const admin = new Redis(redis.url);
    const before = await admin.dbsize();
    // a 1-byte limit: Redis is over it whatever it holds, so every write is refused
    await admin.config('SET', 'maxmemory', '1');
    try {
      const res = await postComment(server, site, 'full', { body: 'x'.repeat(4000), author: { name: 'A' } });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('storage_full');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await admin.dbsize()).toBeGreaterThanOrEqual(before); // nothing already stored went away
    } finally {
      await admin.config('SET', 'maxmemory', '0');
      admin.disconnect();
    }
  });
});

describe('retries with one Idempotency-Key', () => {
  it('create one comment, one job and one event however often they arrive', async () => {
    const headers = { 'idempotency-key': 'retry-ten-times', 'x-device-id': 'device-retry-0001' };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => postComment(server, site, 'idem', { body: 'Une seule fois', author: { name: 'A' } }, headers)),
    );
    const ids = new Set(results.map((r) => r.body.comment.id));
    expect(results.every((r) => r.status === 202)).toBe(true);
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    const { deps } = server;
    const pending = await deps.redis.zrangebylex(deps.keys.articleAll(site.id, 'idem'), '-', '+');
    expect(pending).toEqual([id]);
    const events = (await deps.redis.xrange(deps.keys.events(site.id), '-', '+')) as Array<[string, string[]]>;
    expect(events.filter(([, f]) => f[1] === 'comment.created' && f[3]!.includes(id!))).toHaveLength(1);
    // the 202 leaves before the job is added (after the batching linger)
    const job = await waitUntil(() => deps.moderationQueues.all[0]!.getJob(id!), (j) => j !== undefined);
    expect(job?.id).toBe(id);
    // a job is named after its first comment, so a second job starting with this comment cannot exist
    expect(await deps.moderationQueues.all[0]!.getJobs(['waiting', 'active', 'delayed', 'completed', 'failed'])).toSatisfy(
      (jobs: Array<{ id?: string }>) => jobs.filter((j) => j.id === id).length === 1,
    );
  });
});
