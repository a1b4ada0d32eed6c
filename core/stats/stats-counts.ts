import { ttdBucketUpperMs } from './stats-fields.js';

/** The counters of a day, a week or a section, read from the daily hash's fields. */
export interface DecisionCounts {
  received: number;
  autoApproved: number;
  autoHeld: number;
  autoRejected: number;
  humanApproved: number;
  humanRejected: number;
  reports: number;
  /** Automatic decisions whose toxicity reached the site's hold threshold. */
  scoredToxic: number;
  /** Automatic decisions whose spam score reached the site's hold threshold. */
  scoredSpam: number;
  /** Automatic decisions whose severe-harm score reached the site's hold threshold. */
  scoredSevere: number;
  /** Surges that started (an article switched itself to pre-moderation). */
  surges: number;
}

export interface TimeToDecision {
  decisions: number;
  medianMs: number | null;
  p90Ms: number | null;
}

export function countsOf(c: Record<string, number>): DecisionCounts {
  return {
    received: c.received ?? 0,
    autoApproved: c['auto:approved'] ?? 0,
    autoHeld: c['auto:held'] ?? 0,
    autoRejected: c['auto:rejected'] ?? 0,
    humanApproved: c['human:approved'] ?? 0,
    humanRejected: c['human:rejected'] ?? 0,
    reports: c.reports ?? 0,
    scoredToxic: c.toxic ?? 0,
    scoredSpam: c.spam ?? 0,
    scoredSevere: c.severe ?? 0,
    surges: c.surges ?? 0,
  };
}

/** Median and p90 of a time-to-decision histogram (`<prefix>:<bucket>` fields). */
export function percentilesOf(c: Record<string, number>, prefix: 'ttd' | 'httd'): TimeToDecision {
  const histogram: Array<[number, number]> = [];
  const pattern = new RegExp(`^${prefix}:(\\d+)$`);
  for (const [field, n] of Object.entries(c)) {
    const m = pattern.exec(field);
    if (m) histogram.push([Number(m[1]), n]);
  }
  histogram.sort((a, b) => a[0] - b[0]);
  const decisions = histogram.reduce((s, [, n]) => s + n, 0);
  return { decisions, medianMs: percentile(histogram, decisions, 0.5), p90Ms: percentile(histogram, decisions, 0.9) };
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
