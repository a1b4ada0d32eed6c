import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis } from '../../core/redis/connection.js';
import { MODERATION_QUEUE } from '../../core/queue/moderation-queue.js';
import { createTestSite, postComment, type TestSite } from '../support/fixtures.js';
import { startInProcessWorker, waitUntil } from '../support/in-process-worker.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let site: TestSite;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1', READY_MAX_QUEUE_AGE_MS: '200' });
  site = await createTestSite(server);
});
afterAll(() => server.close());

const readyz = () => api(server.url, 'GET', '/readyz');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('/readyz and the moderation queue', () => {
  it('stays ready when comments wait past the age but a worker is connected (a backlog, not a stuck queue)', async () => {
    // connected, taking nothing: what a saturated worker looks like from Redis (a paused worker
    // could still take the job its blocking fetch had already started waiting for)
    const connection = createRedis(server.config.REDIS_URL, { maxRetriesPerRequest: null, commandTimeout: undefined });
    const busy = new Worker(MODERATION_QUEUE, async () => {}, { connection, prefix: server.deps.keys.moderationShardPrefix(0), autorun: false });
    await busy.waitUntilReady();
    try {
      expect((await postComment(server, site, 'backlog', { body: 'Un avis.', author: { name: 'Awa' } })).status).toBe(202);
      await waitUntil(() => server.deps.moderationQueues.all[0]!.getWaitingCount(), (n) => n === 1);
      await sleep(300);
      const res = await readyz();
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ready' });
    } finally {
      await busy.close();
      connection.disconnect();
    }
  });

  it('says 503 moderation_queue_stuck with the count and the wait once no worker is connected', async () => {
    const res = await waitUntil(readyz, (r) => r.status === 503, 20_000);
    const queue = server.deps.moderationQueues.all[0]!;
    // on failure, say where the job was and who Redis thinks is working
    expect(res.status, JSON.stringify({ jobs: await queue.getJobCounts(), workers: (await queue.getWorkers()).length })).toBe(503);
    expect(res.body.error).toMatchObject({ code: 'moderation_queue_stuck', details: { waiting: 1 } });
    expect(res.body.error.details.oldestWaitMs).toBeGreaterThan(200);
    expect(res.body.error.message).toMatch(/1 comment\(s\) wait for moderation, the oldest for \d+ s, and no worker is connected\./);
    // the load balancer's check: Redis only, so servers keep taking comments while workers are away
    const storageOnly = await api(server.url, 'GET', '/readyz?only=storage');
    expect(storageOnly.status).toBe(200);
  });

  it('is ready again as soon as a worker connects', async () => {
    const worker = await startInProcessWorker(server);
    try {
      const res = await waitUntil(readyz, (r) => r.status === 200);
      expect(res.body).toEqual({ status: 'ready' });
    } finally {
      await worker.close();
    }
  });
});
