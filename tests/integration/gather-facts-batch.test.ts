import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComment } from '../../core/comments/comment-store.js';
import { getSite } from '../../core/sites/site-store.js';
import type { Comment } from '../../protocol/comment.js';
import { gatherFactsOfBatch } from '../../workers/decision/gather-facts.js';
import { commentText, factsRequest } from '../../workers/decision/judge-comment.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, type TestSite } from '../support/fixtures.js';

let server: TestServer;
let site: TestSite;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server);
});
afterAll(() => server.close());

const LONG = 'Le conseil municipal a voté le budget sans débat public, ce qui pose question pour la suite du projet de tramway.';

async function store(authorId: string, body: string): Promise<Comment> {
  const { comment } = await createComment(server.deps, { siteId: site.id, articleId: 'facts', parentId: null, author: { id: authorId, name: authorId }, body });
  return comment;
}

describe("a batch's facts, gathered in one round trip", () => {
  it("gives each comment its own author and window counts, counting the batch mates before it", async () => {
    // stored in this order, then gathered together as one job's comments are
    const comments = [
      await store('facts_ana', LONG),
      await store('facts_ana', 'Bien vu.'),
      await store('facts_ben', LONG),
      await store('facts_ana', LONG),
      await store('facts_carl', 'Un avis tout autre, sans rapport avec les précédents, et assez long pour avoir un groupe.'),
    ];
    const found = (await getSite(server.deps, site.id))!;
    const facts = await gatherFactsOfBatch(server.deps, comments.map((c) => factsRequest(c, commentText(c), found)));

    expect(facts.map((f) => f.recent)).toEqual([
      { sameTextSameAuthor24h: 0, sameTextOtherAuthors1h: 0, sameGroupOtherAuthors1h: 0, authorCommentsInWindow: 0 },
      { sameTextSameAuthor24h: 0, sameTextOtherAuthors1h: 0, sameGroupOtherAuthors1h: 0, authorCommentsInWindow: 1 },
      { sameTextSameAuthor24h: 0, sameTextOtherAuthors1h: 1, sameGroupOtherAuthors1h: 1, authorCommentsInWindow: 0 },
      { sameTextSameAuthor24h: 1, sameTextOtherAuthors1h: 1, sameGroupOtherAuthors1h: 1, authorCommentsInWindow: 2 },
      { sameTextSameAuthor24h: 0, sameTextOtherAuthors1h: 0, sameGroupOtherAuthors1h: 0, authorCommentsInWindow: 0 },
    ]);
    expect(facts.every((f) => f.author.banned === false && f.author.approved === 0)).toBe(true);
  });
});
