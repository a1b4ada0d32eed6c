import { commentIdsOf, type ModerateJobData } from '../../core/queue/moderation-queue.js';
import type { DecisionDeps, DecisionOutcome } from './decision-deps.js';
import { decideBatch } from './decide-batch.js';
import { holdForHuman } from './hold-for-human.js';
import { StatsBatch } from '../../core/stats/stats-batch.js';

/**
 * Decides every comment of one moderate job together, its Redis work in a few pipelines
 * (decide-batch.ts). A comment that fails does not hold back the others: they are written, then
 * the job throws so BullMQ retries it, and the retry skips what is no longer pending. The batch's
 * daily statistics are added up and written in one round trip after its decisions
 * (core/stats/stats-batch.ts).
 */
export async function moderateBatch(deps: DecisionDeps, data: ModerateJobData): Promise<Record<DecisionOutcome, number>> {
  const stats = new StatsBatch(deps.keys);
  const outcomes = await decideBatch(deps, data.siteId, commentIdsOf(data), stats);
  // statistics only: a failure here is logged, never retried (the decisions are written)
  await stats.flush(deps.redis).catch((err: unknown) => deps.log.warn({ err, siteId: data.siteId }, 'batch statistics not written'));
  const tally: Record<DecisionOutcome, number> = { decided: 0, deferred: 0, already_decided: 0, missing: 0, stale: 0 };
  const failures: unknown[] = [];
  for (const o of outcomes) {
    if (o.status === 'fulfilled') tally[o.value]++;
    else failures.push(o.reason);
  }
  if (failures.length > 0) {
    const first = failures[0] instanceof Error ? failures[0].message : String(failures[0]);
    throw new Error(`${failures.length} of ${outcomes.length} comments failed: ${first}`);
  }
  return tally;
}

/** After the last attempt: what is still pending in the job waits for a human (`check_failed`). */
export async function holdBatchForHuman(deps: DecisionDeps, data: ModerateJobData, error: string): Promise<number> {
  const held = await Promise.all(commentIdsOf(data).map((commentId) => holdForHuman(deps, data.siteId, commentId, error)));
  return held.filter(Boolean).length;
}
