import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/test-server.js';
import { createTestSite, moderatorHeaders, ORIGIN, postComment, type TestSite } from '../support/fixtures.js';
import { connect, connected } from '../support/sockets.js';
import { startStack, type PalabreStack } from '../support/palabre-stack.js';

let stack: PalabreStack;
let site: TestSite;

beforeAll(async () => {
  stack = await startStack({ workers: 1 });
  site = await createTestSite(stack);
}, 60_000);
afterAll(() => stack?.stop());

async function counts() {
  const res = await api(stack.url, 'GET', `/api/v1/sites/${site.id}/moderation/queue?status=pending&limit=1`, {
    headers: moderatorHeaders(site),
  });
  return res.body.counts as { pending: number; approved: number; held: number; rejected: number };
}

describe('a worker killed with SIGKILL again and again under load', () => {
  it('loses no comment: every accepted one is decided once after a new worker starts', async () => {
    const reader = connect(stack.url, '/comments', { siteKey: site.publicKey }, { origin: ORIGIN });
    await connected(reader);
    await reader.request('subscribe', { siteId: site.id, articleId: 'crash' });

    const accepted: string[] = [];
    const post = (i: number) =>
      postComment(stack, site, 'crash', { body: `Commentaire numéro ${i} sur la crise.`, author: { name: `Lecteur ${i % 7}` } }, {
        'x-device-id': `device-crash-${String(i).padStart(4, '0')}`,
      }).then((r) => {
        if (r.status === 202) accepted.push(r.body.comment.id);
      });
    // three rounds: a burst arrives, the worker is killed while scoring it, a new one starts
    for (let round = 0; round < 3; round++) {
      const posts = Array.from({ length: 50 }, (_, k) => post(round * 50 + k));
      await new Promise((r) => setTimeout(r, 150));
      await stack.workers.at(-1)!.stop('SIGKILL');
      await Promise.all(posts);
      if (round === 0) expect((await counts()).pending).toBeGreaterThan(0);
      await stack.startWorker();
    }
    expect(accepted).toHaveLength(150);

    const deadline = Date.now() + 45_000;
    let c = await counts();
    while (c.pending > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      c = await counts();
    }
    expect(c.pending).toBe(0);
    expect(c.approved + c.held + c.rejected).toBe(150);

    // readers got each approved comment once
    await new Promise((r) => setTimeout(r, 300));
    const published = reader.events.filter((e) => e.name === 'comment.published').map((e) => e.payload.comment.id as string);
    expect(new Set(published).size).toBe(published.length);
    expect(published.length).toBe(c.approved);
    reader.close();
  }, 90_000);
});
