import type { CoreDeps } from '../deps.js';
import { ttdBucketUpperMs } from './stats-fields.js';

export interface StatsBucket {
  /** First day of the bucket (UTC, YYYY-MM-DD). */
  start: string;
  received: number;
  autoApproved: number;
  autoHeld: number;
  autoRejected: number;
  humanApproved: number;
  humanRejected: number;
  reports: number;
  decisionsByModerator: Record<string, { approved: number; rejected: number }>;
  /** From posting to a final decision (approved or rejected); from a histogram, within 19 %. */
  timeToDecision: { decisions: number; medianMs: number | null; p90Ms: number | null };
}

export interface SiteStats {
  from: string;
  to: string;
  interval: 'day' | 'week';
  buckets: StatsBucket[];
  totals: Omit<StatsBucket, 'start'>;
  busiestArticles: Array<{ articleId: string; comments: number }>;
}

const DAY_MS = 86_400_000;
export const MAX_STATS_DAYS = 366;

/** Statistics of a site between two UTC days inclusive, by day or by ISO week (Monday first). */
export async function siteStats(
  deps: CoreDeps,
  siteId: string,
  range: { from: string; to: string; interval: 'day' | 'week' },
): Promise<SiteStats> {
  const days: string[] = [];
  for (let t = Date.parse(`${range.from}T00:00:00Z`); t <= Date.parse(`${range.to}T00:00:00Z`); t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  const pipe = deps.redis.pipeline();
  for (const d of days) {
    pipe.hgetall(deps.keys.statsDay(siteId, d));
    pipe.zrevrange(deps.keys.statsDayArticles(siteId, d), 0, 49, 'WITHSCORES');
  }
  const rows = ((await pipe.exec()) ?? []).map(([, v]) => v);
  const buckets = new Map<string, Record<string, number>>();
  const total: Record<string, number> = {};
  const articles = new Map<string, number>();
  days.forEach((d, i) => {
    const counters = (rows[i * 2] ?? {}) as Record<string, string>;
    const start = range.interval === 'day' ? d : mondayOf(d);
    const bucket = buckets.get(start) ?? {};
    for (const [f, v] of Object.entries(counters)) {
      bucket[f] = (bucket[f] ?? 0) + Number(v);
      total[f] = (total[f] ?? 0) + Number(v);
    }
    buckets.set(start, bucket);
    const flat = (rows[i * 2 + 1] ?? []) as string[];
    for (let k = 0; k < flat.length; k += 2) articles.set(flat[k]!, (articles.get(flat[k]!) ?? 0) + Number(flat[k + 1]));
  });
  const { start: _unused, ...totals } = toBucket('', total);
  return {
    ...range,
    buckets: [...buckets.entries()].map(([start, counters]) => toBucket(start, counters)),
    totals,
    busiestArticles: [...articles.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([articleId, comments]) => ({ articleId, comments })),
  };
}

function toBucket(start: string, c: Record<string, number>): StatsBucket {
  const byModerator: StatsBucket['decisionsByModerator'] = {};
  const histogram: Array<[number, number]> = [];
  for (const [field, n] of Object.entries(c)) {
    const mod = /^mod:(.+):(approved|rejected)$/.exec(field);
    if (mod) {
      const entry = (byModerator[mod[1]!] ??= { approved: 0, rejected: 0 });
      entry[mod[2] as 'approved' | 'rejected'] += n;
    }
    const ttd = /^ttd:(\d+)$/.exec(field);
    if (ttd) histogram.push([Number(ttd[1]), n]);
  }
  histogram.sort((a, b) => a[0] - b[0]);
  const decisions = histogram.reduce((s, [, n]) => s + n, 0);
  return {
    start,
    received: c.received ?? 0,
    autoApproved: c['auto:approved'] ?? 0,
    autoHeld: c['auto:held'] ?? 0,
    autoRejected: c['auto:rejected'] ?? 0,
    humanApproved: c['human:approved'] ?? 0,
    humanRejected: c['human:rejected'] ?? 0,
    reports: c.reports ?? 0,
    decisionsByModerator: byModerator,
    timeToDecision: { decisions, medianMs: percentile(histogram, decisions, 0.5), p90Ms: percentile(histogram, decisions, 0.9) },
  };
}

function percentile(histogram: Array<[number, number]>, total: number, p: number): number | null {
  if (total === 0) return null;
  let seen = 0;
  for (const [bucket, n] of histogram) {
    seen += n;
    if (seen >= p * total) return ttdBucketUpperMs(bucket);
  }
  return ttdBucketUpperMs(histogram[histogram.length - 1]![0]);
}

function mondayOf(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday 0
  return new Date(t - weekday * DAY_MS).toISOString().slice(0, 10);
}
