import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getComment } from '../../core/comments/comment-store.js';
import { moderateBatch } from '../../workers/decision/moderate-batch.js';
import type { DecisionDeps } from '../../workers/decision/decision-deps.js';
import type { NormalizedText } from '../../workers/text/normalize.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, moderatorHeaders, type TestSite, wordOf } from '../support/fixtures.js';
import { decisionDeps, storeComments } from '../support/stored-comments.js';

let server: TestServer;
let site: TestSite;
let deps: DecisionDeps;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server);
  deps = decisionDeps(server);
});
afterAll(() => server.close());

// each test's own words: the same text from other authors on the site would count as a duplicate
const store = (articleId: string, bodies: string[]) => storeComments(server, site.id, articleId, bodies);

const politeBodies = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `Merci pour cette enquête sur ${tag}, détail ${wordOf(i)}.`);

async function rejectAsModerator(commentId: string): Promise<void> {
  const current = await getComment(server.deps, site.id, commentId);
  const rejected = await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${commentId}/reject`, {
    headers: moderatorHeaders(site),
    body: { version: current!.version },
  });
  expect(rejected.status).toBe(200);
}

async function decidedEventsOf(commentId: string): Promise<number> {
  const events = (await server.deps.redis.xrange(server.deps.keys.events(site.id), '-', '+')) as Array<[string, string[]]>;
  return events.filter(([, f]) => f[1] === 'comment.decided' && f[3]!.includes(commentId)).length;
}

describe('a batch of one site', () => {
  it('decides each comment on its own facts, and skips the one a moderator decided in the middle', async () => {
    const ids = await store('mixed-batch', [...politeBodies('le port', 2), 'Espèce de connard.', ...politeBodies('le port', 3).slice(2), 'Tu es un abruti fini, connard.']);
    const middle = ids[1]!;
    await rejectAsModerator(middle);

    expect(await moderateBatch(deps, { siteId: site.id, commentIds: ids })).toMatchObject({ decided: 4, already_decided: 1 });

    const [c0, c1, c2, c3, c4] = await Promise.all(ids.map((id) => getComment(server.deps, site.id, id)));
    expect([c0?.status, c3?.status]).toEqual(['approved', 'approved']);
    expect(c1).toMatchObject({ status: 'rejected', decidedBy: expect.not.stringMatching(/^auto$/) });
    // the insults are not published, each with its own reasons
    for (const insult of [c2, c4]) {
      expect(insult?.status).not.toBe('approved');
      expect(insult?.decidedBy).toBe('auto');
      expect(insult?.reasons?.length).toBeGreaterThan(0);
    }
    for (const id of ids) expect(await decidedEventsOf(id), id).toBe(id === middle ? 0 : 1);
  });

  it('leaves alone a comment a moderator decides between the batch reading it and writing its decision', async () => {
    const ids = await store('decided-meanwhile', politeBodies('la gare', 3));
    // the site is looked up after the batch's read and before its writes: the moderator acts then
    let moderatorActed = false;
    const racing: DecisionDeps = {
      ...deps,
      siteOf: async (siteId) => {
        if (!moderatorActed) {
          moderatorActed = true;
          await rejectAsModerator(ids[2]!);
        }
        return deps.siteOf(siteId);
      },
    };

    expect(await moderateBatch(racing, { siteId: site.id, commentIds: ids })).toMatchObject({ decided: 2, already_decided: 1 });

    const last = await getComment(server.deps, site.id, ids[2]!);
    expect(last).toMatchObject({ status: 'rejected', decidedBy: expect.not.stringMatching(/^auto$/) });
    expect(await decidedEventsOf(ids[2]!)).toBe(0);
    for (const id of ids.slice(0, 2)) expect((await getComment(server.deps, site.id, id))?.status).toBe('approved');
  });

  it('writes the rest when one comment fails its checks, then throws so the job is retried for that one', async () => {
    const ids = await store('one-fails', [...politeBodies('le marché', 2), 'Ce commentaire fait boum', ...politeBodies('le marché', 4).slice(2)]);
    let broken = true;
    const failing: DecisionDeps = {
      ...deps,
      // a dependency that fails for one comment only, as a broken read would
      adaptationOf: async (siteId: string, text: NormalizedText) => {
        if (broken && text.text.includes('boum')) throw new Error('adaptation store unreadable');
        return deps.adaptationOf!(siteId, text);
      },
    };

    await expect(moderateBatch(failing, { siteId: site.id, commentIds: ids })).rejects.toThrow(/1 of 5 comments failed: adaptation store unreadable/);
    const afterFirst = await Promise.all(ids.map((id) => getComment(server.deps, site.id, id)));
    expect(afterFirst.map((c) => c?.status)).toEqual(['approved', 'approved', 'pending', 'approved', 'approved']);

    broken = false; // BullMQ's retry of the whole job
    expect(await moderateBatch(failing, { siteId: site.id, commentIds: ids })).toMatchObject({ decided: 1, already_decided: 4 });
    expect((await getComment(server.deps, site.id, ids[2]!))?.status).toBe('approved');
    for (const [i, id] of ids.entries()) {
      if (i !== 2) expect((await getComment(server.deps, site.id, id))?.version, id).toBe(afterFirst[i]!.version);
      expect(await decidedEventsOf(id), id).toBe(1);
    }
  });
});
