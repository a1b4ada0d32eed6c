import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommentsClient, type PublicComment } from '../../client-sdk/src/index.js';
import { createTestSite, postComment, type TestSite, wordOf } from '../support/fixtures.js';
import { waitUntil } from '../support/in-process-worker.js';
import { startProcess } from '../support/processes.js';
import { startStack, type PalabreStack } from '../support/palabre-stack.js';

let stack: PalabreStack;
let site: TestSite;

beforeAll(async () => {
  stack = await startStack({ workers: 1 });
  site = await createTestSite(stack);
}, 90_000);
afterAll(() => stack?.stop());

describe('a server killed with SIGKILL and restarted', () => {
  it('loses nothing: a reader reconnects, resumes from its last event and gets every publication once', async () => {
    // the reader is a Node process here: no Origin header, like a site's own back end using the SDK
    const reader = createCommentsClient({ url: stack.url, siteId: site.id, siteKey: site.publicKey, deviceId: 'device-server-crash' });
    const published: PublicComment[] = [];
    const sub = reader.subscribe('crash', { published: (c) => published.push(c) });
    await sub.ready;
    const accepted: string[] = [];
    const post = async (i: number) => {
      const r = await postComment(stack, site, 'crash', { body: `Avis ${wordOf(i)} numéro ${i}, merci pour cet article.`, author: { name: `L${i}` } }, {
        'x-device-id': `device-srv-${String(i).padStart(4, '0')}`,
      });
      if (r.status === 202) accepted.push(r.body.comment.id);
    };
    for (let i = 0; i < 10; i++) await post(i);
    await waitUntil(async () => published.length, (n) => n >= 10, 15_000);
    // ten more wait, undecided, when the server dies; a worker decides them while no server runs
    await stack.workers[0]!.stop('SIGTERM');
    for (let i = 10; i < 20; i++) await post(i);
    await stack.server.stop('SIGKILL');
    await stack.startWorker();
    await new Promise((r) => setTimeout(r, 1500));
    expect(published).toHaveLength(10); // nothing could reach the reader meanwhile
    const restarted = startProcess('server-restarted', 'server/main.ts', stack.env);
    try {
      await restarted.waitFor(/listening on/, 60_000);
      for (let i = 20; i < 30; i++) await post(i);
      // the last comments answered before the kill may have died with their lingering job: the
      // reconciler re-enqueues a comment pending for 30 s (it runs every 10 s), so allow for it
      await waitUntil(async () => published.length, (n) => n >= accepted.length, 55_000);
      const ids = published.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length); // none twice
      expect(ids.sort()).toEqual([...accepted].sort()); // all of them (clean comments are approved)
    } finally {
      sub.close();
      await restarted.stop('SIGTERM');
    }
  }, 150_000);
});
