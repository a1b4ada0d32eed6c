import { expect } from 'vitest';
import { api } from '../../support/test-server.js';
import type { RunningProcess } from '../../support/processes.js';
import { createTestSite, type TestSite } from '../../support/fixtures.js';
import { startStack, type PalabreStack } from '../../support/palabre-stack.js';
import { startPrivateRedis, type PrivateRedis } from '../../support/private-redis.js';
import { acceptedIds, commentLedger, startCommentFlow, type PostResult } from './comment-flow.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A real server and worker process on a private redis-server with AOF on, set up as in production. */
export async function startStackOnPrivateRedis(appendfsync: 'everysec' | 'always') {
  const redis = await startPrivateRedis(['--appendonly', 'yes', '--appendfsync', appendfsync, '--maxmemory-policy', 'noeviction']);
  const stack = await startStack({ workers: 1, redisUrl: redis.url });
  // the stack's own client lives through the outage too; its errors are expected then
  stack.redis.on('error', () => {});
  const site = await createTestSite(stack);
  return {
    redis,
    stack,
    site,
    async stop() {
      await stack.stop().catch(() => {});
      await redis.destroy();
    },
  };
}

export interface OutageReport {
  results: PostResult[];
  /** When Redis had exited, when it was started again, and when it answered (ms since the epoch). */
  downAt: number;
  restartAt: number;
  upAt: number;
  /** Answers to requests sent while Redis was down (after it exited, before it was started again). */
  whileDown: PostResult[];
  /** /readyz while Redis was down. */
  readyWhileDown: number;
  accepted: string[];
  stored: string[];
  decided: string[];
  /** Accepted (202) but gone from Redis after the restart. */
  lost: string[];
  /** From Redis answering again to every stored comment decided, or -1 if not within the limit. */
  decidedWithinMs: number;
}

/**
 * Comments flow; Redis goes down (SIGTERM: a clean shutdown, SIGKILL: a crash) and comes back
 * on the same port and directory; the flow goes on a little, then we count accepted against
 * stored and decided.
 */
export async function postThroughOutage(
  env: { stack: PalabreStack; redis: PrivateRedis; site: TestSite },
  opts: { signal: 'SIGTERM' | 'SIGKILL'; articleId: string; downMs?: number; decideWithinMs?: number },
): Promise<OutageReport> {
  const { stack, redis, site } = env;
  const flow = startCommentFlow(stack, site, opts.articleId);
  await sleep(2000);
  await redis.stop(opts.signal);
  const downAt = Date.now();
  const readyWhileDown = (await api(stack.url, 'GET', '/readyz')).status;
  await sleep(opts.downMs ?? 3000);
  const restartAt = Date.now();
  await redis.restart();
  const upAt = Date.now();
  await sleep(2000);
  const results = await flow.stop();
  const ledger = commentLedger(stack, site.id, opts.articleId);
  const decideWithinMs = opts.decideWithinMs ?? 30_000;
  const { stored, decided } = await ledger.untilAllDecided(decideWithinMs - (Date.now() - upAt));
  const allDecided = decided.length === stored.length;
  const accepted = acceptedIds(results);
  const storedSet = new Set(stored);
  return {
    results,
    downAt,
    restartAt,
    upAt,
    whileDown: results.filter((r) => r.sentAt >= downAt && r.sentAt < restartAt),
    readyWhileDown,
    accepted,
    stored,
    decided,
    lost: accepted.filter((id) => !storedSet.has(id)),
    decidedWithinMs: allDecided ? Date.now() - upAt : -1,
  };
}

/** One line for the test output, quoted in docs/operations.md. */
export const describeOutage = (label: string, r: OutageReport): string =>
  `${label}: ${r.results.length} sent, ${r.accepted.length} accepted (202), ` +
  `${r.results.filter((x) => x.status === 503).length} refused (503), ${r.stored.length} stored, ` +
  `${r.decided.length} decided, ${r.lost.length} accepted then lost, all decided ${r.decidedWithinMs} ms after Redis was back`;

/** While Redis was down: a quick, honest refusal (503 + Retry-After within a second), never a 500 or a hang. */
export function expectQuickRefusals(r: OutageReport): void {
  expect(r.readyWhileDown).toBe(503);
  expect(r.whileDown.length).toBeGreaterThan(30);
  expect(r.whileDown.filter((x) => x.status !== 503 || x.code !== 'storage_unavailable' || x.retryAfter !== '1')).toEqual([]);
  expect(r.whileDown.filter((x) => x.ms >= 1000).map((x) => ({ ...x, sentAfterDownMs: x.sentAt - r.downAt }))).toEqual([]);
  expect(new Set(r.results.map((x) => x.status))).toEqual(new Set([202, 503]));
}

/** Every comment Redis kept was decided within 30 s of its return, by the worker process that lived through the outage. */
export function expectDecidedBySameWorker(r: OutageReport, stack: PalabreStack, worker: { process: RunningProcess; pid: number | undefined }): void {
  expect(r.decidedWithinMs).toBeGreaterThanOrEqual(0);
  expect(r.decidedWithinMs).toBeLessThan(30_000);
  expect(r.decided.length).toBe(r.stored.length);
  expect(stack.workers.length).toBe(1); // no worker was started meanwhile
  expect(stack.workers[0]).toBe(worker.process);
  expect(worker.process.child.pid).toBe(worker.pid);
  expect(worker.process.child.exitCode).toBeNull();
  expect(worker.process.child.signalCode).toBeNull();
}
