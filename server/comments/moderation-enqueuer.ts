import type { Logger } from '../../core/logger.js';
import { byShard, MAX_COMMENTS_PER_JOB, moderationJobsFor, type CommentRef, type ModerationQueues } from '../../core/queue/moderation-queue.js';

/** Hands comments to the workers. */
export interface ModerationEnqueuer {
  /** Resolves once the comment's job is in Redis. */
  enqueue(comment: CommentRef): Promise<void>;
  /** Adds at once what waits for its linger, and resolves when nothing is left (on shutdown). */
  drain(): Promise<void>;
}

const MAX_BATCH = 500;

/**
 * Batches with a short linger: the first comment of an empty buffer waits at most `lingerMs`
 * (MODERATION_BATCH_LINGER_MS) for others to share its job, and a full job's worth
 * (MAX_COMMENTS_PER_JOB) goes out at once. BullMQ spends about 45 Redis commands on a job
 * whatever it carries, so at low rates a few milliseconds of linger divide that by the comments
 * that arrive meanwhile; under load, comments that arrive while one addBulk is in flight go out
 * together in the next. The linger is the latency budget of batching: a lone comment is added
 * `lingerMs` after it arrived, never later. With 0 a lone comment goes on the next turn of the
 * event loop.
 */
export function createBatchedEnqueuer(queues: ModerationQueues, log: Logger, lingerMs = 0): ModerationEnqueuer {
  let buffer: Array<{ comment: CommentRef; resolve: () => void; reject: (e: unknown) => void }> = [];
  let inFlight = false;
  let scheduled = false;
  let timer: NodeJS.Timeout | undefined;

  const flush = async (): Promise<void> => {
    scheduled = false;
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (inFlight || buffer.length === 0) return;
    inFlight = true;
    const batch = buffer.slice(0, MAX_BATCH);
    buffer = buffer.slice(MAX_BATCH);
    try {
      // one addBulk per shard; a shard that fails fails only its own comments
      const shards = byShard(queues, batch.map((b) => b.comment));
      const failed = new Set<CommentRef>();
      let firstError: unknown;
      await Promise.all(
        [...shards].map(([queue, comments]) =>
          queue.addBulk(moderationJobsFor(comments)).catch((err: unknown) => {
            firstError ??= err;
            for (const c of comments) failed.add(c);
          }),
        ),
      );
      if (failed.size > 0) log.warn({ err: (firstError as Error).message, count: failed.size }, 'enqueue failed; the reconciler will retry');
      for (const b of batch) (failed.has(b.comment) ? b.reject(firstError) : b.resolve());
    } finally {
      inFlight = false;
      if (buffer.length > 0) void flush();
    }
  };

  return {
    async drain() {
      while (buffer.length > 0 || inFlight) {
        if (inFlight) await new Promise((r) => setTimeout(r, 1));
        else await flush();
      }
    },
    enqueue(comment) {
      return new Promise<void>((resolve, reject) => {
        buffer.push({ comment, resolve, reject });
        if (inFlight) return; // goes out with the next addBulk, as soon as this one is done
        if (lingerMs === 0 || buffer.length >= MAX_COMMENTS_PER_JOB) {
          // no linger, or a full job: no reason to wait for the timer
          if (timer) {
            clearTimeout(timer);
            timer = undefined;
            scheduled = false;
          }
          if (!scheduled) {
            scheduled = true;
            setImmediate(() => void flush());
          }
        } else if (!scheduled) {
          scheduled = true;
          timer = setTimeout(() => void flush(), lingerMs);
        }
      });
    },
  };
}

