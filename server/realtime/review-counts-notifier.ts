import { countReviewQueues } from '../../core/comments/review-queue.js';
import type { ServerDeps } from '../server-deps.js';
import { moderationRoom } from './realtime-fanout.js';
import type { ModerationNamespace } from './moderation-namespace.js';

/**
 * Sends `queue.counts` to a site's moderators after its comments change. Changes that arrive
 * together are coalesced into one read of the counts, and only rooms with moderators on this
 * server are counted, so a burst costs a few Redis reads, not one per comment.
 */
export function createReviewCountsNotifier(deps: ServerDeps, nsp: ModerationNamespace): { changed(siteId: string): void } {
  const dirty = new Set<string>();
  let scheduled = false;
  const flush = async () => {
    scheduled = false;
    const sites = [...dirty];
    dirty.clear();
    for (const siteId of sites) {
      const room = moderationRoom(siteId);
      if (!nsp.adapter.rooms.get(room)?.size) continue;
      try {
        nsp.to(room).emit('queue.counts', { siteId, counts: await countReviewQueues(deps, siteId) });
      } catch (err) {
        deps.log.warn({ err: (err as Error).message }, 'queue counts failed');
      }
    }
  };
  return {
    changed(siteId) {
      dirty.add(siteId);
      if (!scheduled) {
        scheduled = true;
        setTimeout(() => void flush(), 50);
      }
    },
  };
}
