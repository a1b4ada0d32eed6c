import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCommentsClient,
  createModeratorClient,
  HttpError,
  isHttpError,
  isNetworkError,
  type PublicComment,
} from '../../client-sdk/src/index.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, type TestSite } from '../support/fixtures.js';
import { approveDirectly } from '../support/approve-directly.js';
import { waitUntil } from '../support/in-process-worker.js';

let server: TestServer;
let site: TestSite;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server);
});
afterAll(() => server.close());

const reader = (url = server.url) => createCommentsClient({ url, siteId: site.id, siteKey: site.publicKey, deviceId: 'sdk-test-device-01' });
const moderator = () => createModeratorClient({ url: server.url, token: site.moderatorToken });

/** Forwards to the server but drops the connection after the first POST was processed, as a flaky network would. */
async function flakyProxy(): Promise<{ url: string; posts: number; close(): Promise<void> }> {
  const target = new URL(server.url);
  const state = { posts: 0 };
  const proxy: Server = createServer((req, res) => {
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (up) => {
        if (req.method === 'POST' && ++state.posts === 1) {
          up.resume();
          up.on('end', () => res.socket?.destroy()); // the server stored it; the reader never hears back
          return;
        }
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    get posts() {
      return state.posts;
    },
    close: () => new Promise((r) => proxy.close(() => r())),
  };
}

describe('comments client', () => {
  it('posts, lists approved comments and counts them', async () => {
    const client = reader();
    const posted = await client.post('sdk-1', { body: 'Bonjour depuis le SDK', author: { name: 'Awa' } });
    expect(posted.status).toBe('pending');
    await approveDirectly(server.deps, site.id, posted.id);
    const page = await client.list('sdk-1');
    expect(page.comments.map((c) => c.body)).toEqual(['Bonjour depuis le SDK']);
    expect(await client.count('sdk-1')).toBe(1);
  });

  it('retries a post whose answer was lost, without posting it twice', async () => {
    const proxy = await flakyProxy();
    try {
      const comment = await reader(proxy.url).post('sdk-retry', { body: 'Une seule fois', author: { name: 'Awa' } });
      expect(proxy.posts).toBe(2);
      const pending = await moderator().queue(site.id, 'pending', { articleId: 'sdk-retry' });
      expect(pending.comments.map((c) => c.id)).toEqual([comment.id]);
    } finally {
      await proxy.close();
    }
  });

  it('throws a NetworkError when the server cannot be reached', async () => {
    const client = createCommentsClient({ url: 'http://127.0.0.1:9', siteId: site.id, siteKey: site.publicKey });
    const err = await client.count('x').catch((e: unknown) => e);
    expect(isNetworkError(err)).toBe(true);
    expect((err as { code: string }).code).toBe('network_error');
  });

  it('throws an HttpError with the API code, recognised by name across bundles', async () => {
    const client = createCommentsClient({ url: server.url, siteId: site.id, siteKey: 'pk_wrong' });
    const err = await client.list('x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(isHttpError(err)).toBe(true);
    expect(isHttpError({ name: 'HttpError', code: 'x' })).toBe(true);
    expect((err as HttpError).status).toBe(401);
    expect((err as HttpError).code).toBe('unauthorized');
  });

  it('reports a comment', async () => {
    const client = reader();
    const c = await client.post('sdk-report', { body: 'À signaler', author: { name: 'X' } });
    await approveDirectly(server.deps, site.id, c.id);
    await client.report(c.id, 'spam', 'publicité');
    expect((await moderator().comment(site.id, c.id)).reports?.total).toBe(1);
  });

  it('receives published comments live and resumes from the last event after a reconnect', async () => {
    const client = reader();
    const received: PublicComment[] = [];
    const sub = client.subscribe('sdk-live', { published: (c) => received.push(c) });
    await sub.ready;
    const first = await client.post('sdk-live', { body: 'un', author: { name: 'A' } });
    await approveDirectly(server.deps, site.id, first.id);
    await waitUntil(async () => received.length, (n) => n === 1);
    // cut the transport; socket.io-client waits at least 500 ms before reconnecting, so the
    // approval below happens while the reader is away and must come back through the replay
    for (const s of socketsOf('/comments')) s.conn.close();
    const missed = await client.post('sdk-live', { body: 'deux', author: { name: 'A' } });
    await approveDirectly(server.deps, site.id, missed.id);
    await waitUntil(async () => received.length, (n) => n === 2);
    expect(received.map((c) => c.body)).toEqual(['un', 'deux']);
    expect(sub.lastEventId).toMatch(/^\d+-\d+$/);
    sub.close();
  });
});

const socketsOf = (namespace: string) => [...server.running.sockets.io.of(namespace).sockets.values()];

describe('moderator client', () => {
  it('reads queues, approves, rejects with a reason and gets conflict errors', async () => {
    const mod = moderator();
    const client = reader();
    const a = await client.post('sdk-mod', { body: 'premier', author: { name: 'A' } });
    const b = await client.post('sdk-mod', { body: 'second', author: { name: 'A' } });
    const page = await mod.queue(site.id, 'pending', { articleId: 'sdk-mod' });
    expect(page.comments.map((c) => c.id)).toEqual([a.id, b.id]);
    expect(page.counts.pending).toBeGreaterThanOrEqual(2);
    expect((await mod.approve(site.id, a.id, { version: 1 })).status).toBe('approved');
    const rejected = await mod.reject(site.id, b.id, { reason: { code: 'off_topic', note: 'hors sujet' } });
    expect(rejected.moderatorReason).toEqual({ code: 'off_topic', note: 'hors sujet' });
    const err = await mod.reject(site.id, a.id, { version: 1 }).catch((e: unknown) => e);
    expect(isHttpError(err) && err.code).toBe('conflict');
    expect((await mod.undo(site.id, b.id)).status).toBe('pending');
  });

  it('claims, bans and follows the live feed with resume', async () => {
    const mod = moderator();
    const events: string[] = [];
    const sub = mod.subscribe(site.id, {
      'comment.created': (e) => events.push(`created:${e.comment.body}`),
      'comment.claimed': (e) => events.push(`claimed:${e.commentId}`),
    });
    await sub.ready;
    const banned = createCommentsClient({ url: server.url, siteId: site.id, siteKey: site.publicKey, deviceId: 'sdk-banned-device' });
    const c = await banned.post('sdk-feed', { body: 'à surveiller', author: { name: 'B' } });
    expect((await mod.claim(site.id, c.id)).until).toMatch(/Z$/);
    await waitUntil(async () => events.length, (n) => n >= 2);
    expect(events).toEqual(['created:à surveiller', `claimed:${c.id}`]);
    const ban = await mod.ban(site.id, c.author.id, { reason: 'test', rejectExisting: true });
    expect(ban).toMatchObject({ author: { banned: true }, rejected: 1 });
    sub.close();
  });
});
