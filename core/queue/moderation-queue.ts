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
 * BullMQ needs its own connection with `maxRetriesPerRequest: null` for workers; queues may
 * share one. The prefix is in braces so all queue keys sit in one Redis Cluster slot.
 */
export function createModerationQueue(connection: Redis, keys: RedisKeys): Queue<ModerateJobData> {
  return new Queue<ModerateJobData>(MODERATION_QUEUE, { connection, prefix: keys.bullPrefix });
}
