import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, ORIGIN, postComment, type ApiTarget, type TestSite, wordOf } from '../support/fixtures.js';
import { waitUntil } from '../support/in-process-worker.js';
import { startStack, type PalabreStack } from '../support/palabre-stack.js';
import { freePort } from '../support/private-redis.js';
import { sampleValue, scrape } from '../support/prometheus-text.js';
import { connect, connected, type RecordingSocket } from '../support/sockets.js';

const AUTHOR_LIMIT = 6;
const FAN_OUT = 24;
const TOXIC_BODY = 'Quel abruti ce ministre, franchement.';

let stack: PalabreStack;
let site: TestSite;
let serverA: ApiTarget;
let serverB: ApiTarget;
const workerMetrics: string[] = [];
let accepted = 0;
const open: RecordingSocket[] = [];

beforeAll(async () => {
  // limits on: the per-author limit is the one under test; the address limit is out of the way
  stack = await startStack({
    servers: 2,
    workers: 0,
    env: {
      RATE_LIMIT_DISABLED: '0',
      RATE_LIMIT_IP_PER_MINUTE: '1000',
      RATE_LIMIT_AUTHOR_PER_MINUTE: String(AUTHOR_LIMIT),
      // small, so one worker cannot take every job of a burst before the other asks
      WORKER_CONCURRENCY: '2',
      // a job per comment, as far as may be: this file is about sharing the work, not batching it
      MODERATION_BATCH_LINGER_MS: '0',
      METRICS_TOKEN: 'metrics_token_two_servers_0123456789',
    },
  });
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    await stack.startWorker({ WORKER_METRICS_PORT: String(port) });
    workerMetrics.push(`http://127.0.0.1:${port}`);
  }
  serverA = stack;
  serverB = { ...stack, url: stack.extraServers[0]!.url };
  // many readers from one test address: a real flood signal, which these tests are not about
  site = await createTestSite(stack, { flood: { newDevicesPerAddress: 10_000, newDevicesPerSubnet: 10_000 } });
}, 90_000);
afterEach(() => {
  while (open.length) open.pop()!.close();
});
afterAll(() => stack?.stop());

async function subscribed(server: ApiTarget, namespace: '/moderation' | '/comments', payload: Record<string, string>) {
  const s =
    namespace === '/moderation'
      ? connect(server.url, namespace, { token: site.moderatorToken })
      : connect(server.url, namespace, { siteKey: site.publicKey }, { origin: ORIGIN });
  open.push(s);
  await connected(s);
  expect(await s.request('subscribe', payload)).toEqual({ ok: true });
  return s;
}

/** Comments each worker process decided, from its own /metrics (jobs may carry several). */
async function decidedPerWorker(): Promise<number[]> {
  return Promise.all(
    workerMetrics.map(async (url) => {
      const { text } = await scrape(url, stack.env.METRICS_TOKEN);
      return ['approved', 'held', 'rejected'].reduce(
        (sum, decision) => sum + (sampleValue(text, 'palabre_comments_decided_total', { decision, by: 'auto' }) ?? 0),
        0,
      );
    }),
  );
}

describe('two server processes and two worker processes on one Redis', () => {
  it("share the write limits: an author's seventh write in a minute is refused, whichever server it hits", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < AUTHOR_LIMIT + 2; i++) {
      const target = i % 2 === 0 ? serverA : serverB;
      const res = await postComment(target, site, 'limits', { body: `n${i}`, author: { name: 'A' } }, { 'x-device-id': 'device-limits-0000' });
      statuses.push(res.status);
    }
    accepted += AUTHOR_LIMIT;
    expect(statuses).toEqual([...Array(AUTHOR_LIMIT).fill(202), 429, 429]);
  });

  it('a moderator on server A receives every comment posted through server B, each decided exactly once, by both workers', async () => {
    const m = await subscribed(serverA, '/moderation', { siteId: site.id });
    const ids: string[] = [];
    for (let i = 0; i < FAN_OUT; i++) {
      const res = await postComment(serverB, site, `fan-out-${i % 3}`, { body: `Commentaire ${wordOf(i)} numéro ${i} sur le marché de Kumasi.`, author: { name: `Lecteur ${i}` } }, { 'x-device-id': `device-fan-${i}-0000` });
      expect(res.status).toBe(202);
      ids.push(res.body.comment.id);
    }
    accepted += FAN_OUT;
    for (const id of ids) {
      await m.waitFor('comment.created', (p) => p.comment.id === id, 15_000);
      await m.waitFor('comment.decided', (p) => p.comment.id === id, 20_000);
    }
    const perWorker = await waitUntil(decidedPerWorker, (c) => c[0]! + c[1]! >= accepted, 10_000);
    expect(perWorker[0]! + perWorker[1]!).toBe(accepted);
    expect(perWorker[0]).toBeGreaterThan(0);
    expect(perWorker[1]).toBeGreaterThan(0);
    const decidedCount = (id: string) => m.events.filter((e) => e.name === 'comment.decided' && e.payload.comment.id === id).length;
    expect(ids.map(decidedCount)).toEqual(ids.map(() => 1));
  }, 90_000);

  it('a reader on server B receives the approval a moderator makes on server A', async () => {
    const m = await subscribed(serverA, '/moderation', { siteId: site.id });
    const r = await subscribed(serverB, '/comments', { siteId: site.id, articleId: 'cross' });
    const res = await postComment(serverB, site, 'cross', { body: TOXIC_BODY, author: { name: 'Kofi' } }, { 'x-device-id': 'device-cross-0000' });
    accepted += 1;
    const id = res.body.comment.id as string;
    const decided = await m.waitFor('comment.decided', (p) => p.comment.id === id, 20_000);
    expect(['held', 'rejected']).toContain(decided.comment.status);
    const ack = await m.request('comment.approve', { siteId: site.id, commentId: id, version: decided.comment.version });
    expect(ack).toMatchObject({ ok: true, comment: { status: 'approved' } });
    const published = await r.waitFor('comment.published', (p) => p.comment.id === id, 15_000);
    expect(published.comment.body).toBe(TOXIC_BODY);
    expect(r.events.filter((e) => e.name === 'comment.published' && e.payload.comment.id === id)).toHaveLength(1);
  }, 45_000);
});
