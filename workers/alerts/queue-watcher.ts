import type { CoreDeps } from '../../core/deps.js';
import { isDeliverable, type AlertsPolicy, type AlertType } from '../../core/alerts/alert-policy.js';
import { raiseSiteAlert, type AlertDeps } from '../../core/alerts/raise-alert.js';
import type { AlertPayload } from '../../core/alerts/webhook-queue.js';
import { getComment } from '../../core/comments/comment-store.js';
import { listSiteIds, type Site } from '../../core/sites/site-store.js';
import { oldestHeldId } from './oldest-held.js';

export type WatcherDeps = CoreDeps & AlertDeps & { readonly siteOf: (siteId: string) => Promise<Site | null> };

/**
 * Looks at every site's queue against its alert thresholds and raises `queue.over` and
 * `held.too_old`. Runs in every worker's periodic loop: with `lockMs`, one worker per period
 * does the scan; either way the cool-down key is set NX, so of all workers seeing the same
 * condition one sends the alert, and not again before the cool-down ends even if it lasts.
 */
export async function watchQueues(deps: WatcherDeps, opts: { lockMs?: number } = {}): Promise<AlertPayload[]> {
  const raised: AlertPayload[] = [];
  if (opts.lockMs && (await deps.redis.set(deps.keys.alertWatcherLock, '1', 'PX', opts.lockMs, 'NX')) !== 'OK') return raised;
  for (const siteId of await listSiteIds(deps)) {
    const site = await deps.siteOf(siteId);
    const alerts = site?.policy.alerts;
    if (!alerts || !Object.values(alerts.webhooks).some(isDeliverable)) continue;
    if (alerts.queueOver) {
      const [pending, held] = await Promise.all([
        deps.redis.zcard(deps.keys.reviewQueue(siteId, 'pending')),
        deps.redis.zcard(deps.keys.reviewQueue(siteId, 'held')),
      ]);
      if (pending + held >= alerts.queueOver) {
        const data = { pending, held, total: pending + held, threshold: alerts.queueOver };
        raised.push(...(await raiseOncePerCooldown(deps, siteId, alerts, 'queue.over', data)));
      }
    }
    if (alerts.heldOlderThanMinutes) {
      const id = await oldestHeldId(deps, siteId);
      const oldest = id ? await getComment(deps, siteId, id) : null;
      const waitedMs = oldest ? deps.now() - Date.parse(oldest.createdAt) : 0;
      if (oldest && waitedMs >= alerts.heldOlderThanMinutes * 60_000) {
        const data = {
          commentId: oldest.id,
          articleId: oldest.articleId,
          postedAt: oldest.createdAt,
          waitingMinutes: Math.floor(waitedMs / 60_000),
          thresholdMinutes: alerts.heldOlderThanMinutes,
          held: await deps.redis.zcard(deps.keys.reviewQueue(siteId, 'held')),
        };
        raised.push(...(await raiseOncePerCooldown(deps, siteId, alerts, 'held.too_old', data)));
      }
    }
  }
  return raised;
}

async function raiseOncePerCooldown(
  deps: WatcherDeps,
  siteId: string,
  alerts: AlertsPolicy,
  type: AlertType,
  data: Record<string, unknown>,
): Promise<AlertPayload[]> {
  const key = deps.keys.alertCooldown(siteId, type);
  const won = await deps.redis.set(key, String(deps.now()), 'PX', alerts.cooldownMinutes * 60_000, 'NX');
  if (won !== 'OK') return [];
  try {
    const payload = await raiseSiteAlert(deps, siteId, { type, data });
    return payload ? [payload] : [];
  } catch (err) {
    await deps.redis.del(key); // not sent: let the next pass try again rather than stay silent a whole cool-down
    throw err;
  }
}
