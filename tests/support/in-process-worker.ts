import type { Worker } from 'bullmq';
import { createRedis } from '../../core/redis/connection.js';
import { createModerationWorker } from '../../workers/moderation-worker.js';
import { decisionDeps } from './stored-comments.js';
import type { TestServer } from './test-server.js';

/** The real moderation worker, in the test process, on the test server's Redis prefix. */
export async function startInProcessWorker(server: TestServer): Promise<{ worker: Worker; close(): Promise<void> }> {
  const connection = createRedis(server.config.REDIS_URL, { maxRetriesPerRequest: null, commandTimeout: undefined });
  const worker = createModerationWorker(decisionDeps(server), server.config, connection);
  await worker.waitUntilReady();
  return {
    worker,
    async close() {
      await worker.close();
      connection.disconnect();
    },
  };
}

/** Polls until `ok` holds or the time is up; returns the last value read. */
export async function waitUntil<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}
