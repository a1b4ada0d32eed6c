import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'bullmq';
import { createComment, getComment } from '../../core/comments/comment-store.js';
import { createRedis } from '../../core/redis/connection.js';
import { createModerationWorker } from '../../workers/moderation-worker.js';
import { createSiteCache } from '../../core/sites/site-cache.js';
import { reconcilePending } from '../../workers/reconcile/pending-reconciler.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, postComment, type TestSite } from '../support/fixtures.js';
import { startInProcessWorker, waitUntil } from '../support/in-process-worker.js';

let server: TestServer;
let site: TestSite;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server);
});
afterAll(() => server.close());

describe('pending-comment reconciler', () => {
  it('re-enqueues a comment stored without a job once it is 30 s old, and only then', async () => {
    // a crash between the store and the enqueue: the comment exists, its job does not
    const { comment } = await createComment(server.deps, {
      siteId: site.id,
      articleId: 'stranded',
      parentId: null,
      author: { id: 'a_stranded', name: 'Awa' },
      body: 'Perdu entre deux étapes',
    });
    const queue = server.deps.moderationQueues.all[0]!;
    expect(await queue.getJob(comment.id)).toBeUndefined();

    const early = await reconcilePending(server.deps, server.deps.moderationQueues, { lockMs: 1 });
    expect(early.reenqueued).toBe(0);

    await new Promise((r) => setTimeout(r, 5)); // let the 1 ms lock expire
    const later = { ...server.deps, now: () => Date.now() + 31_000 };
    const report = await reconcilePending(later, server.deps.moderationQueues, { lockMs: 1 });
    expect(report.reenqueued).toBe(1);
    const job = await queue.getJob(comment.id);
    expect(job?.data).toEqual({ siteId: site.id, commentIds: [comment.id] });
  });

  it('lets only one worker scan at a time', async () => {
    const first = reconcilePending(server.deps, server.deps.moderationQueues, { lockMs: 2000 });
    const second = await reconcilePending(server.deps, server.deps.moderationQueues, { lockMs: 2000 });
    await first;
    expect(second).toEqual({ reenqueued: 0, held: 0 });
  });
});

describe('a comment whose checks keep failing', () => {
  let worker: Worker | undefined;
  afterAll(async () => {
    await worker?.close(true);
  });

  it('is held with reason check_failed after the retries, never lost', async () => {
    const broken = await createTestSite(server);
    // a site record the worker cannot read makes every attempt throw
    await server.deps.redis.hset(server.deps.keys.site(broken.id), 'policy', '{not json');
    const connection = createRedis(server.config.REDIS_URL, { maxRetriesPerRequest: null, commandTimeout: undefined });
    const deps = { ...server.deps, siteOf: createSiteCache(server.deps).get };
    worker = createModerationWorker(deps, server.config, connection);
    // the broken policy also breaks the API's own read, so store the comment directly
    const { comment } = await createComment(server.deps, {
      siteId: broken.id,
      articleId: 'boom',
      parentId: null,
      author: { id: 'a_boom', name: 'Awa' },
      body: 'Un commentaire ordinaire',
    });
    await server.deps.enqueuer.enqueue({ siteId: broken.id, commentId: comment.id });
    const held = await waitUntil(
      () => getComment(server.deps, broken.id, comment.id),
      (c) => c?.status === 'held',
      20_000,
    );
    expect(held?.status).toBe('held');
    expect(held?.reasons?.[0]).toMatchObject({ code: 'check_failed' });
    const job = await server.deps.moderationQueues.all[0]!.getJob(comment.id);
    expect(job?.attemptsMade).toBe(5);
    await worker.close();
    connection.disconnect();
  }, 30_000);

  it('is decided normally on a healthy site by the same worker code', async () => {
    const w = await startInProcessWorker(server);
    const posted = await postComment(server, site, 'ok', { body: 'Très bonne analyse, merci.', author: { name: 'Awa' } });
    const decided = await waitUntil(
      () => getComment(server.deps, site.id, posted.body.comment.id),
      (c) => c?.status !== 'pending',
    );
    expect(decided?.status).toBe('approved');
    expect(decided?.decidedBy).toBe('auto');
    await w.close();
  });
});
