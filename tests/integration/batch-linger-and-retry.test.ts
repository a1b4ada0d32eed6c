import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getComment } from '../../core/comments/comment-store.js';
import { utcDay } from '../../core/stats/stats-fields.js';
import { moderateBatch } from '../../workers/decision/moderate-batch.js';
import { decideAutomatically } from '../../workers/decision/decide-automatically.js';
import { createBatchedEnqueuer } from '../../server/comments/moderation-enqueuer.js';
import { MAX_COMMENTS_PER_JOB, MODERATION_QUEUE } from '../../core/queue/moderation-queue.js';
import { Queue } from 'bullmq';
import { deleteKeys } from '../support/redis-prefix.js';
import { waitUntil } from '../support/in-process-worker.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { decisionDeps, storeComments } from '../support/stored-comments.js';
import { createTestSite, moderatorHeaders, postComment, type TestSite, wordOf } from '../support/fixtures.js';

let server: TestServer;
let site: TestSite;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server);
});
afterAll(() => server.close());

const store = (articleId: string, n: number) =>
  storeComments(server, site.id, articleId, Array.from({ length: n }, (_, i) => `Merci pour ce reportage, remarque ${wordOf(i)}.`));

const jobsHolding = async (ids: string[]) =>
  (await server.deps.moderationQueues.all[0]!.getJobs(['waiting', 'active', 'delayed'])).filter((j) => j.data.commentIds?.some((id) => ids.includes(id)));

describe('the enqueuer with a linger (MODERATION_BATCH_LINGER_MS)', () => {
  it('adds a lone comment on its own once the linger ends: it never waits for company', async () => {
    const enqueuer = createBatchedEnqueuer(server.deps.moderationQueues, server.deps.log, 40);
    const [id] = await store('lone', 1);
    await enqueuer.enqueue({ siteId: site.id, commentId: id! }); // resolves once the job is in Redis
    const jobs = await jobsHolding([id!]);
    expect(jobs.map((j) => j.data)).toEqual([{ siteId: site.id, commentIds: [id] }]);
    await server.deps.moderationQueues.all[0]!.drain();
  });

  it('puts the comments that arrive within the linger in one job', async () => {
    const enqueuer = createBatchedEnqueuer(server.deps.moderationQueues, server.deps.log, 1000);
    const ids = await store('lingered', 3);
    const added: Array<Promise<void>> = [];
    for (const id of ids) {
      added.push(enqueuer.enqueue({ siteId: site.id, commentId: id }));
      await new Promise((r) => setTimeout(r, 5)); // apart in time, within the linger
    }
    await Promise.all(added);
    const jobs = await jobsHolding(ids);
    expect(jobs.map((j) => j.data)).toEqual([{ siteId: site.id, commentIds: ids }]);
    await server.deps.moderationQueues.all[0]!.drain();
  });

  it("sends a full job's worth at once, without waiting for the linger to end", async () => {
    const enqueuer = createBatchedEnqueuer(server.deps.moderationQueues, server.deps.log, 600_000); // ten minutes
    const ids = await store('full', MAX_COMMENTS_PER_JOB);
    await Promise.all(ids.map((commentId) => enqueuer.enqueue({ siteId: site.id, commentId }))); // not ten minutes later
    const jobs = await jobsHolding(ids);
    expect(jobs.map((j) => j.data)).toEqual([{ siteId: site.id, commentIds: ids }]);
    await server.deps.moderationQueues.all[0]!.drain();
  });

  it('a server with a linger answers a lone comment before its linger ends, and hands it to the workers when it ends', async () => {
    const lingering = await startTestServer({ RATE_LIMIT_DISABLED: '1', MODERATION_BATCH_LINGER_MS: '1000' });
    try {
      const other = await createTestSite(lingering);
      const queue = lingering.deps.moderationQueues.all[0]!;
      const posted = await postComment(lingering, other, 'lone-post', { body: 'Un seul avis, bien argumenté.', author: { name: 'Awa' } }, { 'x-device-id': 'dev-linger-1' });
      expect(posted.status).toBe(202);
      const id = posted.body.comment.id as string;
      expect(await queue.getJob(id)).toBeUndefined(); // the 202 did not wait the second of linger
      const job = await waitUntil(() => queue.getJob(id), (j) => j !== undefined, 10_000);
      expect(job?.data).toEqual({ siteId: other.id, commentIds: [id] });
    } finally {
      await lingering.close();
    }
  });

  it('the enqueuer drained on shutdown adds what still waits for its linger', async () => {
    const enqueuer = createBatchedEnqueuer(server.deps.moderationQueues, server.deps.log, 600_000); // ten minutes
    const ids = await store('drained', 3);
    const added = Promise.all(ids.map((commentId) => enqueuer.enqueue({ siteId: site.id, commentId })));
    await enqueuer.drain();
    await added;
    expect((await jobsHolding(ids)).map((j) => j.data)).toEqual([{ siteId: site.id, commentIds: ids }]);
    await server.deps.moderationQueues.all[0]!.drain();
  });

  it('a stopping server adds the jobs of the comments it accepted that were still lingering', async () => {
    const lingering = await startTestServer({ RATE_LIMIT_DISABLED: '1', MODERATION_BATCH_LINGER_MS: '1000' });
    const other = await createTestSite(lingering);
    const posted = await postComment(lingering, other, 'last-post', { body: 'Dernier avis avant la fermeture.', author: { name: 'Awa' } }, { 'x-device-id': 'dev-linger-2' });
    expect(posted.status).toBe(202);
    // what SIGTERM does, well within the second of linger: without the drain, the job's add
    // would come after the queues closed, and fail
    await lingering.running.close();
    const queue = new Queue(MODERATION_QUEUE, { connection: lingering.deps.redis, prefix: lingering.deps.keys.moderationShardPrefix(0) });
    try {
      expect((await queue.getJob(posted.body.comment.id))?.data).toEqual({ siteId: other.id, commentIds: [posted.body.comment.id] });
    } finally {
      await queue.close();
      await deleteKeys(lingering.deps.redis, lingering.config.KEY_PREFIX);
      await lingering.deps.redis.quit();
    }
  });
});

describe('a batch retried as a whole (its worker died half-way)', () => {
  it('decides each comment once, and leaves a human decision taken meanwhile alone', async () => {
    const deps = decisionDeps(server);
    const ids = await store('retried', 3);
    const statsKey = server.deps.keys.statsDay(site.id, utcDay(Date.now()));
    const autoApprovedBefore = Number((await server.deps.redis.hget(statsKey, 'auto:approved')) ?? 0);
    // the first attempt decided the first comment, then its worker died
    expect(await decideAutomatically(deps, { siteId: site.id, commentId: ids[0]! })).toBe('decided');
    const firstAfter = await getComment(server.deps, site.id, ids[0]!);
    // while the job waited for its retry, a moderator rejected the second
    const second = await getComment(server.deps, site.id, ids[1]!);
    const rejected = await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${ids[1]}/reject`, {
      headers: moderatorHeaders(site),
      body: { version: second!.version },
    });
    expect(rejected.status).toBe(200);

    // BullMQ runs the whole job again, twice for good measure
    expect(await moderateBatch(deps, { siteId: site.id, commentIds: ids })).toMatchObject({ decided: 1, already_decided: 2 });
    expect(await moderateBatch(deps, { siteId: site.id, commentIds: ids })).toMatchObject({ decided: 0, already_decided: 3 });

    const [c0, c1, c2] = await Promise.all(ids.map((id) => getComment(server.deps, site.id, id)));
    expect(c0).toMatchObject({ status: 'approved', version: firstAfter!.version });
    expect(c1).toMatchObject({ status: 'rejected', decidedBy: expect.not.stringMatching(/^auto$/) });
    expect(c2?.status).toBe('approved');
    // the batch's statistics are written after it, once per decision, whatever the retries
    expect(Number(await server.deps.redis.hget(statsKey, 'auto:approved')) - autoApprovedBefore).toBe(2);
    expect(await server.deps.redis.ttl(statsKey)).toBeGreaterThan(0);
    const events = (await server.deps.redis.xrange(server.deps.keys.events(site.id), '-', '+')) as Array<[string, string[]]>;
    for (const id of ids) {
      const decided = events.filter(([, f]) => f[1] === 'comment.decided' && f[3]!.includes(id));
      expect(decided, id).toHaveLength(id === ids[1] ? 0 : 1);
    }
  });
});
