import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'bullmq';
import { getComment } from '../../core/comments/comment-store.js';
import { createRedis } from '../../core/redis/connection.js';
import { createSiteCache } from '../../core/sites/site-cache.js';
import { createModerationWorker } from '../../workers/moderation-worker.js';
import { reconcilePending } from '../../workers/reconcile/pending-reconciler.js';
import { PROVIDER_CHECK_JOB, providerCheckJobOptions } from '../../core/queue/provider-queue.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { storeComments } from '../support/stored-comments.js';
import { createTestSite, type TestSite, wordOf } from '../support/fixtures.js';
import { startInProcessWorker, waitUntil } from '../support/in-process-worker.js';
import type { NormalizedText } from '../../workers/text/normalize.js';

let server: TestServer;
let site: TestSite;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server);
});
afterAll(() => server.close());

const enqueueTogether = (ids: string[]) =>
  Promise.all(ids.map((commentId) => server.deps.enqueuer.enqueue({ siteId: site.id, commentId })));

describe('comments that arrive together', () => {
  it('share one job, named after the first, and are all decided', async () => {
    const ids = await storeComments(server, site.id, 'together', Array.from({ length: 12 }, (_, i) => `Merci pour cet article, point ${wordOf(i)}.`));
    await enqueueTogether(ids);
    const job = await server.deps.moderationQueues.all[0]!.getJob(ids[0]!);
    expect(job?.data).toEqual({ siteId: site.id, commentIds: ids });
    expect(await server.deps.moderationQueues.all[0]!.getJob(ids[1]!)).toBeUndefined();

    const w = await startInProcessWorker(server);
    try {
      for (const id of ids) {
        const c = await waitUntil(() => getComment(server.deps, site.id, id), (c) => c?.status !== 'pending');
        expect(c?.status).toBe('approved');
      }
    } finally {
      await w.close();
    }
  });

  it('are not re-enqueued by the reconciler while their job waits, whatever their place in it', async () => {
    const ids = await storeComments(server, site.id, 'waiting', ['Premier du lot', 'Deuxième du lot', 'Troisième du lot']);
    await enqueueTogether(ids);
    const later = { ...server.deps, now: () => Date.now() + 31_000 };
    const report = await reconcilePending(later, server.deps.moderationQueues, { lockMs: 1 });
    expect(report).toEqual({ reenqueued: 0, held: 0 });
    const jobs = await server.deps.moderationQueues.all[0]!.getJobs(['waiting']);
    expect(jobs.filter((j) => j.data.commentIds?.some((id) => ids.includes(id)))).toHaveLength(1);
    await server.deps.moderationQueues.all[0]!.drain();
  });
});

describe('a comment waiting for an outside provider', () => {
  it('is deferred, not stranded: the reconciler leaves it to the providers queue', async () => {
    const [id] = await storeComments(server, site.id, 'deferred', ['Un avis que le fournisseur externe doit lire']);
    const providerJob = { siteId: site.id, commentId: id!, version: 1, lang: 'fr' as const, builtIn: [], trace: { checks: {}, models: {} } };
    await server.deps.providerQueue.add(PROVIDER_CHECK_JOB, providerJob, providerCheckJobOptions(id!, 1));
    const later = { ...server.deps, now: () => Date.now() + 31_000 };
    // other tests of this file left stranded comments: look only at this one's jobs
    const jobsFor = async () =>
      (await server.deps.moderationQueues.all[0]!.getJobs(['waiting'])).filter((j) => j.data.commentIds?.includes(id!)).length;
    await reconcilePending(later, server.deps.moderationQueues, { lockMs: 1, alsoLiveIn: [server.deps.providerQueue] });
    expect(await jobsFor()).toBe(0);
    await new Promise((r) => setTimeout(r, 5)); // the 1 ms lock
    // without looking there, the same comment looks stranded: the check above can fail
    await reconcilePending(later, server.deps.moderationQueues, { lockMs: 1 });
    expect(await jobsFor()).toBe(1);
    await server.deps.moderationQueues.all[0]!.drain();
    await server.deps.providerQueue.drain();
  });
});

describe('a comment whose checks fail inside a batch', () => {
  let worker: Worker | undefined;
  afterAll(async () => {
    await worker?.close(true);
  });

  it('does not hold back its batch mates, and is held for a human after the retries', async () => {
    const connection = createRedis(server.config.REDIS_URL, { maxRetriesPerRequest: null, commandTimeout: undefined });
    // a dependency that fails for one comment only, as a broken read would
    const deps = {
      ...server.deps,
      siteOf: createSiteCache(server.deps).get,
      adaptationOf: async (_siteId: string, text: NormalizedText) => {
        if (text.text.includes('boum')) throw new Error('adaptation store unreadable');
        return undefined;
      },
    };
    worker = createModerationWorker(deps, server.config, connection);
    const [good, bad] = await storeComments(server, site.id, 'mixed', ['Analyse très juste, merci.', 'Ce commentaire fait boum']);
    await enqueueTogether([good!, bad!]);

    const approved = await waitUntil(() => getComment(server.deps, site.id, good!), (c) => c?.status !== 'pending');
    expect(approved?.status).toBe('approved');
    const held = await waitUntil(() => getComment(server.deps, site.id, bad!), (c) => c?.status === 'held', 20_000);
    expect(held?.reasons?.[0]).toMatchObject({ code: 'check_failed' });
    // the good comment was written once: the retries skipped it
    expect((await getComment(server.deps, site.id, good!))?.version).toBe(approved?.version);
    const events = (await server.deps.redis.xrange(server.deps.keys.events(site.id), '-', '+')) as Array<[string, string[]]>;
    expect(events.filter(([, f]) => f[1] === 'comment.decided' && f[3]!.includes(good!))).toHaveLength(1);
    expect((await server.deps.moderationQueues.all[0]!.getJob(good!))?.attemptsMade).toBe(5);
    await worker.close();
    connection.disconnect();
  }, 30_000);
});
