import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RedisKeys } from '../redis/keys.js';

/** The queue every comment goes through once: one job runs every built-in check. */
export const MODERATION_QUEUE = 'moderation';
export const MODERATE_JOB = 'moderate';

/** One comment to moderate. */
export interface CommentRef {
  siteId: string;
  commentId: string;
}

/**
 * One job moderates up to MAX_COMMENTS_PER_JOB comments of one site. BullMQ spends about 45
 * Redis commands per job whatever it carries, so comments that arrive together share a job.
 * `commentId` alone is the shape of jobs queued before batching; workers still read it.
 */
export interface ModerateJobData {
  siteId: string;
  commentIds?: string[];
  commentId?: string;
}

export const MAX_COMMENTS_PER_JOB = 50;

export const commentIdsOf = (data: ModerateJobData): string[] => data.commentIds ?? (data.commentId ? [data.commentId] : []);

/** Attempts before a comment is held for a human with reason `check_failed`. */
export const MODERATE_ATTEMPTS = 5;

/** A job is named after its first comment: a second add of the same batch is a no-op, and a lone comment's job id is its own id. */
export const moderateJobOptions = (firstCommentId: string): JobsOptions => ({
  jobId: firstCommentId,
  attempts: MODERATE_ATTEMPTS,
  backoff: { type: 'exponential', delay: 200 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
});

/** Comments grouped by site, in arrival order, into jobs of at most MAX_COMMENTS_PER_JOB. */
export function moderationJobsFor(comments: CommentRef[]): Array<{ name: string; data: ModerateJobData; opts: JobsOptions }> {
  const bySite = new Map<string, string[]>();
  for (const c of comments) {
    const ids = bySite.get(c.siteId) ?? [];
    ids.push(c.commentId);
    bySite.set(c.siteId, ids);
  }
  const jobs: Array<{ name: string; data: ModerateJobData; opts: JobsOptions }> = [];
  for (const [siteId, ids] of bySite) {
    for (let i = 0; i < ids.length; i += MAX_COMMENTS_PER_JOB) {
      const commentIds = ids.slice(i, i + MAX_COMMENTS_PER_JOB);
      jobs.push({ name: MODERATE_JOB, data: { siteId, commentIds }, opts: moderateJobOptions(commentIds[0]!) });
    }
  }
  return jobs;
}

/**
 * The moderation queue, split over MODERATION_QUEUE_SHARDS BullMQ queues of the same name,
 * each under a prefix with a hash tag of its own (`keys.moderationShardPrefix`). All the
 * comments of a site go to one shard, so a site's jobs keep their order and their batching.
 * With one shard this is the single queue Palabre always had, with the same keys.
 */
export interface ModerationQueues {
  /** Every shard, shard 0 first. */
  readonly all: ReadonlyArray<Queue<ModerateJobData>>;
  /** The shard that takes this site's comments. */
  forSite(siteId: string): Queue<ModerateJobData>;
  close(): Promise<void>;
}

/** Shard of a site: FNV-1a of its id, so every process agrees without asking Redis. */
export function shardOfSite(siteId: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < siteId.length; i++) hash = Math.imul(hash ^ siteId.charCodeAt(i), 0x01000193) >>> 0;
  return hash % shards;
}

/**
 * BullMQ needs its own connection with `maxRetriesPerRequest: null` for workers; queues may
 * share one.
 */
export function createModerationQueues(connection: Redis, keys: RedisKeys, shards = 1): ModerationQueues {
  const all = Array.from(
    { length: shards },
    (_, shard) => new Queue<ModerateJobData>(MODERATION_QUEUE, { connection, prefix: keys.moderationShardPrefix(shard) }),
  );
  return {
    all,
    forSite: (siteId) => all[shardOfSite(siteId, all.length)]!,
    close: async () => {
      await Promise.all(all.map((q) => q.close()));
    },
  };
}

/** Groups comments by the shard of their site. */
export function byShard(queues: ModerationQueues, comments: CommentRef[]): Map<Queue<ModerateJobData>, CommentRef[]> {
  const groups = new Map<Queue<ModerateJobData>, CommentRef[]>();
  for (const c of comments) {
    const q = queues.forSite(c.siteId);
    const group = groups.get(q);
    if (group) group.push(c);
    else groups.set(q, [c]);
  }
  return groups;
}
