import type { ServerDeps } from '../server-deps.js';

export interface StuckQueue {
  /** Moderation jobs not done: waiting, or taken by a worker that is gone. */
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
    // an active job counts too: a worker that took it and left without a successor strands it
    const [waiting] = await queue.getWaiting(0, 0);
    const [active] = await queue.getActive(0, 0);
    const oldestAt = Math.min(waiting?.timestamp ?? Infinity, active?.timestamp ?? Infinity);
    if (oldestAt === Infinity) continue;
    const oldestWaitMs = deps.now() - oldestAt;
    if (oldestWaitMs <= deps.config.READY_MAX_QUEUE_AGE_MS) continue;
    // CLIENT LIST only now, when something already looks wrong: it is O(clients) on Redis.
    // Where CLIENT LIST is refused (some managed Redis), BullMQ reports one worker: fail open.
    if ((await queue.getWorkersCount()) > 0) continue;
    const [waitingCount, activeCount] = await Promise.all([queue.getWaitingCount(), queue.getActiveCount()]);
    return { waiting: waitingCount + activeCount, oldestWaitMs };
  }
  return undefined;
}
