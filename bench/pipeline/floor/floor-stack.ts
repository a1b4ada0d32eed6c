import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, waitForLine, type BenchStack } from '../bench-stack.js';
import type { Socket } from 'socket.io-client';
import { connectSocket, type Audience } from '../load-driver.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/**
 * The floor of `npm run bench -- --floor`: a minimal store → stream → decide → emit path, one
 * server and one worker process, on the bench's own Redis (keys `floor:*`) and with the same
 * ioredis and Socket.IO as Palabre. It speaks enough of Palabre's protocol (the POST route,
 * `subscribe`, `comment.decided`, `comment.published`) for the same load driver to measure it.
 */
export async function startFloor(stack: BenchStack): Promise<{ stack: BenchStack; audience(counts: { moderators: number; readers: number }, articles: string[]): Promise<Audience> }> {
  const env = { ...process.env, REDIS_URL: stack.redisUrl };
  const port = await freePort();
  const run = (file: string, extra: Record<string, string>) =>
    spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, file)], { cwd: ROOT, env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
  const server = run('floor-server.ts', { PORT: String(port) });
  await waitForLine(server, /listening on/, 'floor server');
  const worker = run('floor-worker.ts', {});
  await waitForLine(worker, /floor worker running/, 'floor worker');
  const url = `http://127.0.0.1:${port}`;
  const floorStack: BenchStack = {
    ...stack,
    servers: [{ name: 'floor-server', child: server, pid: server.pid!, url }],
    workers: [{ name: 'floor-worker', child: worker, pid: worker.pid! }],
    async stop() {
      for (const c of [server, worker]) c.kill('SIGTERM');
    },
  };
  return {
    stack: floorStack,
    async audience(counts, articles) {
      const siteId = 'floor-site';
      const moderators: Socket[] = [];
      for (let i = 0; i < counts.moderators; i++) {
        const s = await connectSocket(url, '/moderation', {});
        await s.emitWithAck('subscribe', { siteId });
        moderators.push(s);
      }
      const readers: Socket[] = [];
      for (let i = 0; i < counts.readers; i++) {
        const s = await connectSocket(url, '/comments', {});
        await s.emitWithAck('subscribe', { siteId, articleId: articles[i % articles.length] });
        readers.push(s);
      }
      return { siteId, siteKey: 'floor', articles, moderators, readers, memoryPerSocketBytes: NaN, close: () => [...moderators, ...readers].forEach((s) => s.close()) };
    },
  };
}
