import type { Queue } from 'bullmq';
import type { CoreDeps } from '../../core/deps.js';
import { idFloorAt } from '../../core/ids.js';
import { MODERATE_JOB, moderateJobOptions, type ModerateJobData } from '../../core/queue/moderation-queue.js';
import { listSiteIds } from '../../core/sites/site-store.js';
import { holdForHuman } from '../moderation/hold-for-human.js';

/** A comment pending longer than this with no job was stranded (crash between store and enqueue). */
export const STRANDED_AFTER_MS = 30_000;
const PER_SITE = 1000;

export interface ReconcileReport {
  reenqueued: number;
  held: number;
}

/**
 * Finds comments still pending after 30 s: re-enqueues those without a job (the add is
 * idempotent by job id) and holds for a human those whose job has failed for good. A lock
 * keeps workers from doing the same scan at once.
 */
export async function reconcilePending(
  deps: CoreDeps,
  queue: Queue<ModerateJobData>,
  opts: { olderThanMs?: number; lockMs?: number } = {},
): Promise<ReconcileReport> {
  const report: ReconcileReport = { reenqueued: 0, held: 0 };
  const locked = await deps.redis.set(deps.keys.reconcilerLock, '1', 'PX', opts.lockMs ?? 5000, 'NX');
  if (locked !== 'OK') return report;
  const ceiling = idFloorAt(deps.now() - (opts.olderThanMs ?? STRANDED_AFTER_MS));
  for (const siteId of await listSiteIds(deps)) {
    const ids = await deps.redis.zrangebylex(deps.keys.queue(siteId, 'pending'), '-', `(${ceiling}`, 'LIMIT', 0, PER_SITE);
    if (ids.length === 0) continue;
    const pipe = deps.redis.pipeline();
    for (const id of ids) pipe.hmget(queue.toKey(id), 'name', 'finishedOn', 'failedReason');
    const rows = (await pipe.exec()) ?? [];
    const missing: string[] = [];
    for (let i = 0; i < ids.length; i++) {
      const [name, finishedOn, failedReason] = (rows[i]?.[1] ?? []) as Array<string | null>;
      if (!name) missing.push(ids[i]!);
      else if (finishedOn && failedReason) {
        if (await holdForHuman(deps, siteId, ids[i]!, failedReason)) report.held++;
      }
    }
    if (missing.length > 0) {
      await queue.addBulk(
        missing.map((commentId) => ({ name: MODERATE_JOB, data: { siteId, commentId }, opts: moderateJobOptions(commentId) })),
      );
      report.reenqueued += missing.length;
    }
  }
  return report;
}
