import { connect as tcpConnect } from 'node:net';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, ORIGIN, type TestSite } from '../support/fixtures.js';
import { connect, connected } from '../support/sockets.js';

let server: TestServer;
let site: TestSite;

beforeAll(async () => {
  server = await startTestServer();
  site = await createTestSite(server);
});
afterAll(() => server.close());

const disconnection = (s: ReturnType<typeof connect>) =>
  new Promise<string>((resolve) => s.socket.once('disconnect', (reason) => resolve(reason)));

describe('hostile clients', () => {
  it('disconnects a socket that floods events', async () => {
    const s = connect(server.url, '/comments', { siteKey: site.publicKey }, { origin: ORIGIN });
    await connected(s);
    const gone = disconnection(s);
    for (let i = 0; i < 300; i++) s.socket.emit('subscribe', { siteId: site.id, articleId: `a${i}` }, () => {});
    expect(await gone).toBe('io server disconnect');
  });

  it('refuses an oversize socket message by closing the connection', async () => {
    const s = connect(server.url, '/moderation', { token: site.moderatorToken });
    await connected(s);
    const gone = disconnection(s);
    s.socket.emit('comment.reject', { siteId: site.id, commentId: 'x', reason: 'x'.repeat(20_000) }, () => {});
    expect(await gone).toBe('transport close');
  });

  it('refuses a foreign Origin over WebSocket and over long-polling', async () => {
    for (const transport of ['websocket', 'polling'] as const) {
      const s = io(`${server.url}/comments`, {
        auth: { siteKey: site.publicKey },
        transports: [transport],
        extraHeaders: { origin: 'https://evil.example' },
        reconnection: false,
        forceNew: true,
      });
      const outcome = await new Promise<string>((resolve) => {
        s.once('connect', () => resolve('connected'));
        s.once('connect_error', (err) => resolve(`refused: ${err.message}`));
      });
      s.close();
      expect(outcome, transport).toMatch(/^refused/);
    }
  });

  it('cuts a client that never finishes sending its headers', async () => {
    const { port } = new URL(server.url);
    const socket = tcpConnect(Number(port), '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.resume(); // read the 408 so the close is seen
    socket.write('POST /api/v1/sites HTTP/1.1\r\nHost: x\r\n'); // and nothing more
    const t0 = Date.now();
    await new Promise((r) => socket.once('close', r));
    expect(Date.now() - t0).toBeLessThan(14_000); // headers timeout 10 s, checked every 2 s
  }, 20_000);
});
