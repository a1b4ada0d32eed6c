import { AUDIT_MAXLEN, auditJson } from '../../core/audit/audit-log.js';
import { EVENT_STREAM_MAXLEN } from '../../core/events/site-event.js';
import { listSiteIds, type Site } from '../../core/sites/site-store.js';
import type { SiteEvent } from '../../protocol/events.js';
import { raiseAlertOrLog, type SurgeDeps } from '../surge/surge-deps.js';
import { attackTotals } from '../../core/flood/attack-state.js';
import { endAttackScript } from './attack-scripts.js';

export interface AttackWatchDeps extends SurgeDeps {
  readonly siteOf: (siteId: string) => Promise<Site | null>;
}

/**
 * Ends every attack that has been quiet (no flagged comment) for its site's `attackQuietSeconds`:
 * `attack.ended` with the attack's totals, to moderators and webhooks. Safe to run from several
 * workers at once: the end script ends an attack once. Returns the number ended.
 */
export async function endQuietAttacks(deps: AttackWatchDeps, siteIds?: string[]): Promise<number> {
  const now = deps.now();
  const sites = siteIds ?? (await listSiteIds(deps));
  // one command per site: sites live in different Redis Cluster slots
  const attacks = await Promise.all(sites.map((siteId) => deps.redis.hgetall(deps.keys.attack(siteId))));
  let ended = 0;
  for (let i = 0; i < sites.length; i++) {
    const hash = attacks[i]!;
    if (!hash.startedAt || !hash.lastSignalAt) continue;
    const site = await deps.siteOf(sites[i]!);
    const quietMs = (site?.policy.flood.attackQuietSeconds ?? 600) * 1000;
    if (now - Number(hash.lastSignalAt) < quietMs) continue;
    if (await endAttack(deps, sites[i]!, hash, now)) ended++;
  }
  return ended;
}

async function endAttack(deps: AttackWatchDeps, siteId: string, hash: Record<string, string>, now: number): Promise<boolean> {
  const figures = attackTotals(hash);
  const startedAt = new Date(Number(hash.startedAt)).toISOString();
  const endedAt = new Date(now).toISOString();
  const event: SiteEvent = { type: 'attack.ended', siteId, figures, startedAt, endedAt };
  const plan = {
    lastSignalAt: hash.lastSignalAt,
    audit: auditJson({
      at: endedAt,
      actor: { kind: 'system', id: 'flood' },
      action: 'site.attack_end',
      target: { type: 'site', id: siteId },
      before: { startedAt },
      after: { figures },
    }),
    auditMaxlen: AUDIT_MAXLEN,
    event: JSON.stringify(event),
    maxlen: EVENT_STREAM_MAXLEN,
  };
  const keys = [deps.keys.attack(siteId), deps.keys.audit(siteId), deps.keys.events(siteId)];
  if ((await endAttackScript.run(deps.redis, keys, [JSON.stringify(plan)])) !== 1) return false;
  deps.log.info({ siteId, startedAt, figures }, 'attack ended');
  await raiseAlertOrLog(deps, siteId, {
    type: 'attack.ended',
    id: `attack-end-${hash.startedAt}`,
    occurredAt: now,
    data: { figures, startedAt, endedAt },
  });
  return true;
}
