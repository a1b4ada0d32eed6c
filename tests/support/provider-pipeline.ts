import { getComment } from '../../core/comments/comment-store.js';
import type { Comment } from '../../protocol/comment.js';
import { createRedis } from '../../core/redis/connection.js';
import { createProviderWorker } from '../../workers/provider-worker.js';
import { createSiteCache } from '../../core/sites/site-cache.js';
import { postComment, type TestSite } from './fixtures.js';
import { startInProcessWorker, waitUntil } from './in-process-worker.js';
import type { TestServer } from './test-server.js';

/** The real moderation and provider workers, in the test process, on the test server's prefix. */
export async function startProviderPipeline(server: TestServer): Promise<{ close(): Promise<void> }> {
  const moderation = await startInProcessWorker(server);
  const connection = createRedis(server.config.REDIS_URL, { maxRetriesPerRequest: null, commandTimeout: undefined });
  const worker = createProviderWorker({ ...server.deps, siteOf: createSiteCache(server.deps).get }, server.config, connection);
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      connection.disconnect();
      await moderation.close();
    },
  };
}

/** Posts a comment as a reader and waits until the pipeline has decided it. */
export async function postAndDecide(server: TestServer, site: TestSite, body: string, timeoutMs = 20_000): Promise<Comment> {
  const posted = await postComment(server, site, 'article-providers', { body, author: { name: 'Awa' } });
  if (posted.status !== 202) throw new Error(`post: ${posted.status} ${JSON.stringify(posted.body)}`);
  const id = posted.body.comment.id as string;
  const decided = await waitUntil(() => getComment(server.deps, site.id, id), (c) => c?.status !== 'pending', timeoutMs);
  if (!decided || decided.status === 'pending') throw new Error(`comment ${id} still pending after ${timeoutMs} ms`);
  return decided;
}
