import type { Queue } from 'bullmq';
import type { CoreDeps } from '../../core/deps.js';
import { idFloorAt } from '../../core/ids.js';
import { commentIdsOf, moderationJobsFor, type ModerationQueues } from '../../core/queue/moderation-queue.js';
import { listSiteIds } from '../../core/sites/site-store.js';
import { holdForHuman } from '../decision/hold-for-human.js';

/** A comment pending longer than this with no job was stranded (crash between store and enqueue). */
export const STRANDED_AFTER_MS = 30_000;
const PER_SITE = 1000;
/** Jobs read per state when looking for the job of a stranded-looking comment. */
const JOBS_PER_STATE = 20_000;

export interface ReconcileReport {
  reenqueued: number;
  held: number;
}

/**
 * Finds comments still pending after 30 s: re-enqueues those in no job (a crash between store
 * and enqueue) and holds for a human those whose job has failed for good. Jobs carry several
 * comments, so the queue's jobs are read to see which comments they hold — only on a pass that
 * found such comments, which a healthy system rarely has. A lock keeps workers from doing the
 * same scan at once.
 */
export async function reconcilePending(
  deps: CoreDeps,
  queues: ModerationQueues,
  opts: {
    olderThanMs?: number;
    lockMs?: number;
    /** Queues whose live jobs also account for a comment (the providers queue: deferred, not stranded). */
    alsoLiveIn?: ReadonlyArray<Queue<{ commentId?: string }>>;
  } = {},
): Promise<ReconcileReport> {
  const report: ReconcileReport = { reenqueued: 0, held: 0 };
  const locked = await deps.redis.set(deps.keys.reconcilerLock, '1', 'PX', opts.lockMs ?? 5000, 'NX');
  if (locked !== 'OK') return report;
  const ceiling = idFloorAt(deps.now() - (opts.olderThanMs ?? STRANDED_AFTER_MS));
  let jobOf: Map<string, JobState> | undefined;
  for (const siteId of await listSiteIds(deps)) {
    const ids = await deps.redis.zrangebylex(deps.keys.reviewQueue(siteId, 'pending'), '-', `(${ceiling}`, 'LIMIT', 0, PER_SITE);
    if (ids.length === 0) continue;
    jobOf ??= await jobsByComment(queues, opts.alsoLiveIn ?? []);
    const missing: string[] = [];
    for (const id of ids) {
      const job = jobOf.get(id);
      if (!job) missing.push(id);
      else if (job.failedReason !== undefined) {
        if (await holdForHuman(deps, siteId, id, job.failedReason)) report.held++;
      }
    }
    if (missing.length > 0) {
      await queues.forSite(siteId).addBulk(moderationJobsFor(missing.map((commentId) => ({ siteId, commentId }))));
      report.reenqueued += missing.length;
    }
  }
  return report;
}

/** `failedReason` is set only for a job that failed for good (a job between retries is delayed). */
interface JobState {
  failedReason?: string;
}

async function jobsByComment(
  queues: ModerationQueues,
  others: ReadonlyArray<Queue<{ commentId?: string }>>,
): Promise<Map<string, JobState>> {
  const states = new Map<string, JobState>();
  // a comment waiting for an outside provider is deferred, not stranded
  for (const other of others) {
    for (const job of await other.getJobs(['waiting', 'active', 'delayed', 'prioritized'], 0, JOBS_PER_STATE - 1)) {
      if (job.data.commentId) states.set(job.data.commentId, {});
    }
  }
  // every shard: a site's shard changes when MODERATION_QUEUE_SHARDS does, its older jobs stay where they were
  const live = [];
  const failed = [];
  for (const queue of queues.all) {
    live.push(...(await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'], 0, JOBS_PER_STATE - 1)));
    failed.push(...(await queue.getJobs(['failed'], 0, JOBS_PER_STATE - 1)));
  }
  for (const job of failed) for (const id of commentIdsOf(job.data)) states.set(id, { failedReason: job.failedReason || 'failed' });
  for (const job of live) for (const id of commentIdsOf(job.data)) states.set(id, {}); // a live job wins over an old failed one
  return states;
}
