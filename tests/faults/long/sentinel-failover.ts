import { Redis } from 'ioredis';
import { createTestSite } from '../../support/fixtures.js';
import { startStack, type PalabreStack } from '../../support/palabre-stack.js';
import { startSentinelGroup, type SentinelGroup } from '../../support/private-sentinel.js';
import { waitUntil } from '../../support/in-process-worker.js';
import { acceptedIds, commentLedger, startCommentFlow, type PostResult } from './comment-flow.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Durability = 'primary' | 'replica';
/**
 * `master-killed`: the master is SIGKILLed while comments flow.
 * `replica-behind`: first the replica falls behind (frozen, its link to the master cut, as in a
 * network partition), the master keeps taking writes for a second, then dies: the case where
 * asynchronous replication loses what the master had acknowledged.
 */
export type Scenario = 'master-killed' | 'replica-behind';

export interface FailoverReport {
  results: PostResult[];
  killedAt: number;
  /** When the sentinels named the new master. */
  failedOverAt: number;
  /** When the restarted old master was an online replica of the new one, or -1. */
  replicaBackAt: number;
  /** First 202 to a comment sent after the kill, or -1. */
  resumedAt: number;
  accepted: string[];
  stored: string[];
  decided: string[];
  /** Answered 202, then gone from Redis after the failover. */
  lost: string[];
  /** Refusals by error code. */
  refused: Record<string, number>;
}

/** A real server and worker on a master + replica + three sentinels, with DURABILITY set. */
export async function startSentinelStack(durability: Durability) {
  const group = await startSentinelGroup();
  const stack = await startStack({
    workers: 1,
    redisUrl: group.url,
    env: { DURABILITY: durability, DURABILITY_TIMEOUT_MS: '500' },
  });
  stack.redis.on('error', () => {}); // the bookkeeping client lives through the failover too
  const site = await createTestSite(stack);
  return {
    group,
    stack,
    site,
    async stop() {
      await stack.stop().catch(() => {});
      await group.destroy();
    },
  };
}

/** Cuts the master's link to its replica while the replica is frozen, so it cannot come back at once. */
async function leaveReplicaBehind(group: SentinelGroup): Promise<void> {
  group.replica.signal('SIGSTOP');
  const master = new Redis(group.master.port, '127.0.0.1');
  master.on('error', () => {});
  try {
    await master.call('CLIENT', 'KILL', 'TYPE', 'replica');
  } finally {
    master.disconnect();
  }
}

/**
 * Readers post at a steady 25 comments/s; the master dies (after the replica fell behind, in
 * `replica-behind`); the sentinels promote the replica; the killed master is started again as a
 * replica of the new one, as an orchestrator would; posting goes on 3 s after it is in sync. Then
 * every comment answered 202 is looked for on the new master.
 */
export async function postThroughFailover(
  env: { group: SentinelGroup; stack: PalabreStack; site: Awaited<ReturnType<typeof createTestSite>> },
  opts: { scenario: Scenario; articleId: string },
): Promise<FailoverReport> {
  const { group, stack, site } = env;
  const oldMaster = await group.currentMaster();
  const flow = startCommentFlow(stack, site, opts.articleId);
  await sleep(2000);
  if (opts.scenario === 'replica-behind') {
    await leaveReplicaBehind(group);
    await sleep(1000);
  }
  await group.master.stop('SIGKILL');
  const killedAt = Date.now();
  if (opts.scenario === 'replica-behind') group.replica.signal('SIGCONT');
  const newMaster = await group.failedOverFrom(oldMaster);
  const failedOverAt = Date.now();
  // started again as a replica of the master the sentinels name, as a Sentinel-aware deployment
  // does: started as an empty master instead, it would take the writes of any client that asked a
  // sentinel still naming it, and lose them when Sentinel demotes it
  const [host, port] = [newMaster.slice(0, newMaster.lastIndexOf(':')), newMaster.slice(newMaster.lastIndexOf(':') + 1)];
  await group.master.restart(['--replicaof', host, port]);
  const replicaBackAt = (await group.replicaOnline(newMaster, 45_000)) ? Date.now() : -1;
  await sleep(3000);
  const results = await flow.stop();

  const ledger = commentLedger(stack, site.id, opts.articleId);
  const { stored, decided } = await waitUntil(
    () => ledger.read().catch(() => ({ stored: ['(unread)'], decided: [] as string[] })), // a read cut by a reconnect is read again
    (l) => l.decided.length === l.stored.length,
    40_000,
  );
  const accepted = acceptedIds(results);
  const storedSet = new Set(stored);
  const refused: Record<string, number> = {};
  for (const r of results) if (r.status !== 202) refused[`${r.status} ${r.code ?? ''}`.trim()] = (refused[`${r.status} ${r.code ?? ''}`.trim()] ?? 0) + 1;
  const resumed = results.filter((r) => r.sentAt > killedAt && r.status === 202).sort((a, b) => a.sentAt - b.sentAt)[0];
  return {
    results,
    killedAt,
    failedOverAt,
    replicaBackAt,
    resumedAt: resumed ? resumed.sentAt + resumed.ms : -1,
    accepted,
    stored,
    decided,
    lost: accepted.filter((id) => !storedSet.has(id)),
    refused,
  };
}

export function describeFailover(label: string, r: FailoverReport): string {
  const refused = Object.entries(r.refused)
    .map(([code, n]) => `${n} ${code}`)
    .join(', ');
  const decidedAccepted = r.accepted.filter((id) => r.decided.includes(id)).length;
  return (
    `${label}: ${r.results.length} sent, ${r.accepted.length} accepted (202), refused: ${refused || 'none'}; ` +
    `${decidedAccepted} of the accepted stored and decided, ${r.lost.length} accepted then lost; ` +
    `failover ${r.failedOverAt - r.killedAt} ms after the kill, posting resumed ${r.resumedAt < 0 ? 'never' : `${r.resumedAt - r.killedAt} ms`} after it, ` +
    `the old master back as a replica ${r.replicaBackAt < 0 ? 'never' : `${r.replicaBackAt - r.killedAt} ms`} after it`
  );
}
