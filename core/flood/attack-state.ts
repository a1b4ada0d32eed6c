import type { CoreDeps } from '../deps.js';
import { FLOOD_SIGNALS, type AttackFigures, type FloodSignal } from '../../protocol/flood.js';

/** The site's attack as moderators see it while it lasts. */
export interface AttackState {
  startedAt: string;
  /** When the last flagged comment came; the attack ends `attackQuietSeconds` after it. */
  lastSignalAt: string;
  figures: AttackFigures;
}

/** The attack's running totals from its hash (`s:<signal>`, `art:<id>`, flagged, heldOrRejected, window figures). */
export function attackTotals(hash: Record<string, string>): AttackFigures {
  const signals = Object.fromEntries(FLOOD_SIGNALS.map((s) => [s, Number(hash[`s:${s}`] ?? 0)])) as Record<FloodSignal, number>;
  const articles = Object.entries(hash)
    .filter(([f]) => f.startsWith('art:'))
    .map(([f, v]) => ({ id: f.slice(4), flagged: Number(v) }));
  return {
    signals,
    flagged: Number(hash.flagged ?? 0),
    heldOrRejected: Number(hash.heldOrRejected ?? 0),
    windowCount: Number(hash.windowCount ?? 0),
    windowSeconds: Number(hash.windowSeconds ?? 0),
    articles: topArticles(articles),
  };
}


/** The five articles with the most flagged comments, most first. */
export const topArticles = (a: Array<{ id: string; flagged: number }>) => a.sort((x, y) => y.flagged - x.flagged || x.id.localeCompare(y.id)).slice(0, 5);

/** The site's running attack, or null (the workers start and end it: workers/flood). */
export async function readAttack(deps: Pick<CoreDeps, 'redis' | 'keys'>, siteId: string): Promise<AttackState | null> {
  const hash = await deps.redis.hgetall(deps.keys.attack(siteId));
  if (!hash.startedAt) return null;
  return {
    startedAt: new Date(Number(hash.startedAt)).toISOString(),
    lastSignalAt: new Date(Number(hash.lastSignalAt ?? hash.startedAt)).toISOString(),
    figures: attackTotals(hash),
  };
}
