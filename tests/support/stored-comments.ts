import { createComment } from '../../core/comments/comment-store.js';
import { createSiteCache } from '../../core/sites/site-cache.js';
import type { DecisionDeps } from '../../workers/decision/decision-deps.js';
import { createAdaptationReader } from '../../workers/learning/adaptation-reader.js';
import type { TestServer } from './test-server.js';

/**
 * Stores comments without enqueuing them, as the API does before it hands them to the workers:
 * one author each (`a_<articleId>_<i>`), so no author window links them.
 */
export async function storeComments(server: TestServer, siteId: string, articleId: string, bodies: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, body] of bodies.entries()) {
    const { comment } = await createComment(server.deps, {
      siteId,
      articleId,
      parentId: null,
      author: { id: `a_${articleId}_${i}`, name: `Lecteur ${i}` },
      body,
    });
    ids.push(comment.id);
  }
  return ids;
}

/** What the moderation worker decides with, on the test server's Redis prefix. */
export const decisionDeps = (server: TestServer): DecisionDeps => ({
  ...server.deps,
  siteOf: createSiteCache(server.deps).get,
  adaptationOf: createAdaptationReader(server.deps),
});
