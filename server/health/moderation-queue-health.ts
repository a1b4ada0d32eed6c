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
  deps: Pick<ServerDeps, 'queue' | 'config' | 'now'>,
): Promise<StuckQueue | undefined> {
  const [oldest] = await deps.queue.getWaiting(0, 0);
  if (!oldest) return undefined;
  const oldestWaitMs = deps.now() - oldest.timestamp;
  if (oldestWaitMs <= deps.config.READY_MAX_QUEUE_AGE_MS) return undefined;
  // CLIENT LIST only now, when something already looks wrong: it is O(clients) on Redis.
  // Where CLIENT LIST is refused (some managed Redis), BullMQ reports one worker: fail open.
  if ((await deps.queue.getWorkersCount()) > 0) return undefined;
  return { waiting: await deps.queue.getWaitingCount(), oldestWaitMs };
}
