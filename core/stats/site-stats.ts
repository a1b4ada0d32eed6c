import type { CoreDeps } from '../deps.js';
import { articleRefs } from '../articles/article-store.js';
import { heldQueueOverTime, type HeldQueueSeries } from './held-queue-series.js';
import { countsOf, percentilesOf, type DecisionCounts, type TimeToDecision } from './stats-counts.js';

export type { DecisionCounts, TimeToDecision } from './stats-counts.js';

export interface StatsBucket extends DecisionCounts {
  /** First day of the bucket (UTC, YYYY-MM-DD). */
  start: string;
  decisionsByModerator: Record<string, { approved: number; rejected: number }>;
  /** From posting to a final decision (approved or rejected), automatic or human; from a histogram, within 19 %. */
  timeToDecision: TimeToDecision;
  /** From posting to a moderator's final decision only. */
  humanTimeToDecision: TimeToDecision;
}

/** One article's figures over the range. */
export interface ArticleStats {
  articleId: string;
  title?: string;
  url?: string;
  section?: string;
  received: number;
  /** Held by the checks. */
  held: number;
  /** Rejected by the checks or a moderator. */
  rejected: number;
}

export interface SiteStats {
  from: string;
  to: string;
  interval: 'day' | 'week';
  buckets: StatsBucket[];
  totals: Omit<StatsBucket, 'start'>;
  /** The 10 articles that received most comments (kept for older clients; `articles` says more). */
  busiestArticles: Array<{ articleId: string; comments: number }>;
  /** The 20 articles that received most comments, with what became of them. */
  articles: ArticleStats[];
  /** Every section that received or decided a comment in the range, busiest first. */
  sections: Array<DecisionCounts & { section: string }>;
  heldQueue: HeldQueueSeries;
}

const DAY_MS = 86_400_000;
export const MAX_STATS_DAYS = 366;
const TOP_ARTICLES = 20;

/** The UTC days from `from` to `to` inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** Statistics of a site between two UTC days inclusive, by day or by ISO week (Monday first). */
export async function siteStats(
  deps: CoreDeps,
  siteId: string,
  range: { from: string; to: string; interval: 'day' | 'week' },
): Promise<SiteStats> {
  const days = daysBetween(range.from, range.to);
  const pipe = deps.redis.pipeline();
  for (const d of days) {
    pipe.hgetall(deps.keys.statsDay(siteId, d));
    pipe.zrevrange(deps.keys.statsDayArticles(siteId, d), 0, 49, 'WITHSCORES');
    pipe.zrevrange(deps.keys.statsDayArticleHeld(siteId, d), 0, 49, 'WITHSCORES');
    pipe.zrevrange(deps.keys.statsDayArticleRejected(siteId, d), 0, 49, 'WITHSCORES');
  }
  const rows = ((await pipe.exec()) ?? []).map(([, v]) => v);
  const buckets = new Map<string, Record<string, number>>();
  const total: Record<string, number> = {};
  const perArticle = new Map<string, { received: number; held: number; rejected: number }>();
  days.forEach((d, i) => {
    const counters = (rows[i * 4] ?? {}) as Record<string, string>;
    const start = range.interval === 'day' ? d : mondayOf(d);
    const bucket = buckets.get(start) ?? {};
    for (const [f, v] of Object.entries(counters)) {
      bucket[f] = (bucket[f] ?? 0) + Number(v);
      total[f] = (total[f] ?? 0) + Number(v);
    }
    buckets.set(start, bucket);
    (['received', 'held', 'rejected'] as const).forEach((field, k) => {
      const flat = (rows[i * 4 + 1 + k] ?? []) as string[];
      for (let j = 0; j < flat.length; j += 2) {
        const entry = perArticle.get(flat[j]!) ?? { received: 0, held: 0, rejected: 0 };
        entry[field] += Number(flat[j + 1]);
        perArticle.set(flat[j]!, entry);
      }
    });
  });
  const { start: _unused, ...totals } = toBucket('', total);
  const busiest = [...perArticle.entries()].sort((a, b) => b[1].received - a[1].received || a[0].localeCompare(b[0]));
  const refs = await articleRefs(deps, siteId, busiest.slice(0, TOP_ARTICLES).map(([id]) => id));
  return {
    ...range,
    buckets: [...buckets.entries()].map(([start, counters]) => toBucket(start, counters)),
    totals,
    busiestArticles: busiest.slice(0, 10).map(([articleId, c]) => ({ articleId, comments: c.received })),
    articles: busiest.slice(0, TOP_ARTICLES).map(([articleId, c]) => {
      const { id: _id, ...ref } = refs[articleId] ?? { id: articleId };
      return { articleId, ...ref, ...c };
    }),
    sections: sectionsOf(total),
    heldQueue: await heldQueueOverTime(deps, siteId, days),
  };
}

/** The `sec:<section>:<field>` counters of the range, as one row per section, busiest first. */
function sectionsOf(total: Record<string, number>): SiteStats['sections'] {
  const bySection = new Map<string, Record<string, number>>();
  for (const [field, n] of Object.entries(total)) {
    const m = /^sec:(.+):(received|auto:\w+|human:\w+|toxic|spam|severe)$/.exec(field);
    if (!m) continue;
    const counters = bySection.get(m[1]!) ?? {};
    counters[m[2]!] = n;
    bySection.set(m[1]!, counters);
  }
  return [...bySection.entries()]
    .map(([section, c]) => ({ section, ...countsOf(c) }))
    .sort((a, b) => b.received - a.received || a.section.localeCompare(b.section));
}

function toBucket(start: string, c: Record<string, number>): StatsBucket {
  const byModerator: StatsBucket['decisionsByModerator'] = {};
  for (const [field, n] of Object.entries(c)) {
    const mod = /^mod:(.+):(approved|rejected)$/.exec(field);
    if (!mod) continue;
    const entry = (byModerator[mod[1]!] ??= { approved: 0, rejected: 0 });
    entry[mod[2] as 'approved' | 'rejected'] += n;
  }
  return {
    start,
    ...countsOf(c),
    decisionsByModerator: byModerator,
    timeToDecision: percentilesOf(c, 'ttd'),
    humanTimeToDecision: percentilesOf(c, 'httd'),
  };
}

function mondayOf(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday 0
  return new Date(t - weekday * DAY_MS).toISOString().slice(0, 10);
}
