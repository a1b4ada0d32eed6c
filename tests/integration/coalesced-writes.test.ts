import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { coalesceSocketWrites } from '../../server/realtime/coalesced-writes.js';

interface Counted {
  writes: number;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A Socket.IO server (coalesced or not) with one websocket client; counts the TCP writes to that client. */
async function serverWithClient(coalesce: boolean): Promise<{ io: Server; client: ClientSocket; tcp: Counted }> {
  const http: HttpServer = createServer();
  const io = new Server(http);
  if (coalesce) coalesceSocketWrites(io);
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const tcp: Counted = { writes: 0 };
  io.engine.on('connection', (conn: { transport: { socket?: { _socket?: Record<string, unknown> } } }) => {
    const raw = conn.transport.socket?._socket as { _writev: (...a: unknown[]) => unknown; _write: (...a: unknown[]) => unknown } | undefined;
    if (!raw) return;
    // every chunk or batch of chunks the TCP socket hands to the kernel goes through one of these
    for (const method of ['_write', '_writev'] as const) {
      const original = raw[method].bind(raw);
      raw[method] = (...args: unknown[]) => {
        tcp.writes++;
        return original(...args);
      };
    }
  });
  const joined = new Promise<void>((r) => io.on('connection', (s) => (void s.join('room'), r())));
  const client = connectClient(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ['websocket'] });
  await joined;
  cleanups.push(() => {
    client.close();
    return new Promise<void>((r) => io.close(() => r()));
  });
  return { io, client, tcp };
}

function received(client: ClientSocket, count: number): Promise<number[]> {
  const got: number[] = [];
  return new Promise((resolve) =>
    client.on('comment.published', (n: number) => {
      got.push(n);
      if (got.length === count) resolve(got);
    }),
  );
}

describe('coalesced socket writes', () => {
  it('sends a batch of room events emitted in one turn in one TCP write, in order', async () => {
    const { io, client, tcp } = await serverWithClient(true);
    const all = received(client, 20);
    tcp.writes = 0;
    for (let i = 0; i < 20; i++) io.to('room').emit('comment.published', i);
    expect(await all).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(tcp.writes).toBe(1);
  });

  it('without it, engine.io writes the same batch in several writes (what the change saves)', async () => {
    const { io, client, tcp } = await serverWithClient(false);
    const all = received(client, 20);
    tcp.writes = 0;
    for (let i = 0; i < 20; i++) io.to('room').emit('comment.published', i);
    expect(await all).toHaveLength(20);
    expect(tcp.writes).toBeGreaterThan(10);
  });

  it('still delivers events emitted in separate turns, each soon after it is emitted', async () => {
    const { io, client } = await serverWithClient(true);
    const all = received(client, 3);
    for (let i = 0; i < 3; i++) {
      io.to('room').emit('comment.published', i);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await all).toEqual([0, 1, 2]);
  });
});
