import { countReviewQueues } from '../../core/comments/review-queue.js';
import type { ServerDeps } from '../server-deps.js';
import { moderationRoom } from './realtime-fanout.js';
import type { ModerationNamespace } from './moderation-namespace.js';

/**
 * How often, at most, a site's moderators get fresh queue counts: five ZCARDs per read, so a
 * busy site costs at most 20 commands a second here instead of 100 with a 50 ms window (at
 * 50/s, ZCARD fell from 2.6 to 1.6 per comment in the bench, docs/performance.md); a count a
 * quarter of a second old is still live to a person.
 */
export const COUNTS_WINDOW_MS = 250;

/**
 * Sends `queue.counts` to a site's moderators after its comments change. Changes that arrive
 * within COUNTS_WINDOW_MS are coalesced into one read of the counts, and only rooms with
 * moderators on this server are counted, so a burst costs a few Redis reads, not one per comment.
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
        setTimeout(() => void flush(), COUNTS_WINDOW_MS);
      }
    },
  };
}
