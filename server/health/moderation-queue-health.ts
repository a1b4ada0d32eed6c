import type { ServerDeps } from '../server-deps.js';

export interface StuckQueue {
  /** Comments waiting for their moderation job. */
  waiting: number;
  /** How long the oldest of them has waited. */
  oldestWaitMs: number;
}

/**
 * The moderation queue is stuck when its oldest waiting job is older than
 * READY_MAX_QUEUE_AGE_MS and no worker is connected to the queue: comments are accepted
 * but nobody will ever decide them. A backlog with live workers is slow, not stuck.
 */
export async function stuckModerationQueue(
  deps: Pick<ServerDeps, 'moderationQueues' | 'config' | 'now'>,
): Promise<StuckQueue | undefined> {
  // each shard has its own workers' connections: one stuck shard strands its sites' comments
  for (const queue of deps.moderationQueues.all) {
    const [oldest] = await queue.getWaiting(0, 0);
    if (!oldest) continue;
    const oldestWaitMs = deps.now() - oldest.timestamp;
    if (oldestWaitMs <= deps.config.READY_MAX_QUEUE_AGE_MS) continue;
    // CLIENT LIST only now, when something already looks wrong: it is O(clients) on Redis.
    // Where CLIENT LIST is refused (some managed Redis), BullMQ reports one worker: fail open.
    if ((await queue.getWorkersCount()) > 0) continue;
    return { waiting: await queue.getWaitingCount(), oldestWaitMs };
  }
  return undefined;
}
