import { AUDIT_MAXLEN, auditJson } from '../../core/audit/audit-log.js';
import { articleRefOf } from '../../core/articles/article.js';
import { EVENT_STREAM_MAXLEN } from '../../core/events/site-event.js';
import type { SiteEvent } from '../../protocol/events.js';
import { listSiteIds } from '../../core/sites/site-store.js';
import { raiseAlertOrLog, type SurgeDeps } from './surge-deps.js';
import { endSurgeScript } from './surge-scripts.js';

/** Most surges ended per site in one pass; the rest wait for the next pass. */
const PER_SITE = 200;

/**
 * Ends every surge whose time is up, on every site: back to the article's own policy, with an
 * audit entry and `surge.ended` for the moderators. Run periodically, so a surge ends on time
 * even when nobody comments any more. Safe to run from several workers at once.
 * Returns the number of surges ended.
 */
export async function endDueSurges(deps: SurgeDeps, siteIds?: string[]): Promise<number> {
  const now = deps.now();
  const sites = siteIds ?? (await listSiteIds(deps));
  // one command per site rather than one pipeline: sites live in different Redis Cluster slots
  const due = await Promise.all(
    sites.map((siteId) => deps.redis.zrangebyscore(deps.keys.surges(siteId), '-inf', now, 'LIMIT', 0, PER_SITE)),
  );
  let ended = 0;
  for (let i = 0; i < sites.length; i++) {
    for (const articleId of due[i] ?? []) {
      if (await endSurge(deps, sites[i]!, articleId, now)) ended++;
    }
  }
  return ended;
}

async function endSurge(deps: SurgeDeps, siteId: string, articleId: string, now: number): Promise<boolean> {
  const key = deps.keys.article(siteId, articleId);
  const [untilMs, startedMs, title, url] = await deps.redis.hmget(key, 'surgeUntil', 'surgeStartedAt', 'title', 'url');
  const keys = [key, deps.keys.surges(siteId), deps.keys.audit(siteId), deps.keys.events(siteId)];
  if (!untilMs || Number(untilMs) > now) {
    // no surge any more, or a newer one: the script only tidies the index
    await endSurgeScript.run(deps.redis, keys, [JSON.stringify({ articleId, untilMs: '' })]);
    return false;
  }
  const article = articleRefOf({ id: articleId, title, url });
  const startedAt = new Date(Number(startedMs ?? untilMs)).toISOString();
  const endedAt = new Date(now).toISOString();
  const event: SiteEvent = { type: 'surge.ended', siteId, article, startedAt, endedAt };
  const plan = {
    articleId,
    untilMs,
    audit: auditJson({
      at: endedAt,
      actor: { kind: 'system', id: 'surge' },
      action: 'article.surge_end',
      target: { type: 'article', id: articleId },
      before: { mode: 'pre', until: new Date(Number(untilMs)).toISOString() },
      after: { mode: 'site policy' },
    }),
    auditMaxlen: AUDIT_MAXLEN,
    event: JSON.stringify(event),
    maxlen: EVENT_STREAM_MAXLEN,
  };
  const done = (await endSurgeScript.run(deps.redis, keys, [JSON.stringify(plan)])) === 1;
  if (!done) return false;
  deps.log.info({ siteId, articleId, startedAt }, 'surge ended');
  await raiseAlertOrLog(deps, siteId, { type: 'surge.ended', id: `surge-end-${articleId}-${untilMs}`, occurredAt: now, data: { article, startedAt, endedAt } });
  return true;
}
