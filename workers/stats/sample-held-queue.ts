import type { CoreDeps } from '../../core/deps.js';
import { getComment } from '../../core/comments/comment-store.js';
import { HELD_SAMPLE_MS, heldSampleSlot, STATS_TTL_SECONDS, utcDay } from '../../core/stats/stats-fields.js';
import { listSiteIds } from '../../core/sites/site-store.js';
import { startPeriodicPass } from '../periodic-pass.js';
import { oldestHeldId } from '../alerts/oldest-held.js';

/**
 * Writes one sample of every site's held queue (how many, how old the comment posted first) for
 * the current 5-minute slot, unless a worker already did: `HSETNX`, so with many workers each
 * slot is sampled once. Returns how many sites it sampled. The statistics draw these over time.
 */
export async function sampleHeldQueues(deps: CoreDeps): Promise<number> {
  const now = deps.now();
  const day = utcDay(now);
  const slot = String(heldSampleSlot(now));
  let sampled = 0;
  for (const siteId of await listSiteIds(deps)) {
    const key = deps.keys.heldSamples(siteId, day);
    if (await deps.redis.hexists(key, slot)) continue;
    const held = await deps.redis.zcard(deps.keys.reviewQueue(siteId, 'held'));
    const oldestId = held > 0 ? await oldestHeldId(deps, siteId) : null;
    const oldest = oldestId ? await getComment(deps, siteId, oldestId) : null;
    const ageSeconds = oldest ? Math.max(0, Math.round((now - Date.parse(oldest.createdAt)) / 1000)) : 0;
    if ((await deps.redis.hsetnx(key, slot, `${held},${ageSeconds}`)) === 1) {
      sampled++;
      await deps.redis.expire(key, STATS_TTL_SECONDS, 'NX');
    }
  }
  return sampled;
}

/** Looks every minute whether the current 5-minute slot has its sample yet; each worker process runs one. */
export function startHeldSampler(deps: CoreDeps, everyMs = HELD_SAMPLE_MS / 5): { stop(): void } {
  let lastSlot = -1;
  return startPeriodicPass(deps.log, 'held queue sample', async () => {
    const slot = heldSampleSlot(deps.now());
    if (slot === lastSlot) return;
    await sampleHeldQueues(deps);
    lastSlot = slot;
  }, everyMs);
}
