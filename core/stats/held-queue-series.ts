import type { CoreDeps } from '../deps.js';
import { HELD_SAMPLE_MS } from './stats-fields.js';

/** The held queue over time: per hour for ranges up to 14 days, else per day; each point the largest sample of its period. */
export interface HeldQueueSeries {
  resolution: 'hour' | 'day';
  points: Array<{ at: string; held: number; oldestAgeSeconds: number }>;
}

const HOURLY_UP_TO_DAYS = 14;

/** Reads the 5-minute samples of the held queue (workers/stats) for the given UTC days. */
export async function heldQueueOverTime(deps: Pick<CoreDeps, 'redis' | 'keys'>, siteId: string, days: readonly string[]): Promise<HeldQueueSeries> {
  const resolution = days.length <= HOURLY_UP_TO_DAYS ? 'hour' : 'day';
  const pipe = deps.redis.pipeline();
  for (const d of days) pipe.hgetall(deps.keys.heldSamples(siteId, d));
  const rows = (await pipe.exec()) ?? [];
  const periods = new Map<number, { held: number; oldestAgeSeconds: number }>();
  days.forEach((day, i) => {
    const dayMs = Date.parse(`${day}T00:00:00Z`);
    for (const [slot, value] of Object.entries((rows[i]?.[1] ?? {}) as Record<string, string>)) {
      const [held, age] = value.split(',').map(Number);
      const at = dayMs + Number(slot) * HELD_SAMPLE_MS;
      const period = resolution === 'hour' ? at - (at % 3_600_000) : dayMs;
      const p = periods.get(period) ?? { held: 0, oldestAgeSeconds: 0 };
      periods.set(period, { held: Math.max(p.held, held ?? 0), oldestAgeSeconds: Math.max(p.oldestAgeSeconds, age ?? 0) });
    }
  });
  return {
    resolution,
    points: [...periods.entries()].sort((a, b) => a[0] - b[0]).map(([ms, p]) => ({ at: new Date(ms).toISOString(), ...p })),
  };
}
