import type { Logger } from '../../core/logger.js';
import { byShard, moderationJobsFor, type CommentRef, type ModerationQueues } from '../../core/queue/moderation-queue.js';

/** Hands comments to the workers. Resolves once the comment's job is in Redis. */
export interface ModerationEnqueuer {
  enqueue(comment: CommentRef): Promise<void>;
}

const MAX_BATCH = 500;

/**
 * Batches without a timer: a lone comment is added on the next turn of the event loop; under
 * load, comments that arrive while one addBulk is in flight go out together in the next, and
 * comments of one site share jobs (see MAX_COMMENTS_PER_JOB). So the batch size follows the
 * load and nothing waits for a batch to fill.
 */
export function createBatchedEnqueuer(queues: ModerationQueues, log: Logger): ModerationEnqueuer {
  let buffer: Array<{ comment: CommentRef; resolve: () => void; reject: (e: unknown) => void }> = [];
  let inFlight = false;
  let scheduled = false;

  const flush = async (): Promise<void> => {
    scheduled = false;
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
    enqueue(comment) {
      return new Promise<void>((resolve, reject) => {
        buffer.push({ comment, resolve, reject });
        if (!scheduled && !inFlight) {
          scheduled = true;
          setImmediate(() => void flush());
        }
      });
    },
  };
}

