/**
 * Counters of the daily statistics hash, and the time-to-decision histogram. Buckets grow by
 * a quarter of an octave (×1.19), so a percentile read from them is within 19 % of the truth.
 */
export const STATS_TTL_SECONDS = 400 * 24 * 3600;

/** UTC day `YYYY-MM-DD` of a time in ms. */
export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function ttdBucket(ms: number): number {
  return Math.max(0, Math.floor(Math.log2(Math.max(1, ms)) * 4));
}

/** Upper bound in ms of a histogram bucket. */
export const ttdBucketUpperMs = (bucket: number): number => Math.round(2 ** ((bucket + 1) / 4));

/** Which of the site's hold thresholds an automatic decision's scores reached (toxic, spam, severe harm). */
export type ScoredFlags = Partial<Record<'toxic' | 'spam' | 'severe', boolean>>;

/**
 * Fields to increment when a comment goes from `from` to `to`, decided by `auto` or a moderator id:
 * `auto:<status>` and the scored flags (`toxic`, `spam`, `severe`) for an automatic decision,
 * `human:<status>`, `mod:<id>:<status>` and the human time-to-decision histogram (`httd:<bucket>`)
 * for a person's, and the time-to-decision histogram of any final decision (`ttd:<bucket>`).
 */
export function decisionStatFields(opts: {
  from: string;
  to: string;
  decidedBy: string;
  createdAtMs: number;
  nowMs: number;
  scored?: ScoredFlags;
}): string[] {
  const fields: string[] = [];
  if (opts.from === opts.to) return fields;
  const human = opts.decidedBy !== 'auto';
  const final = opts.to === 'approved' || opts.to === 'rejected';
  if (!human && opts.from === 'pending') {
    fields.push(`auto:${opts.to}`);
    for (const flag of ['toxic', 'spam', 'severe'] as const) if (opts.scored?.[flag]) fields.push(flag);
  }
  if (human && final) fields.push(`human:${opts.to}`, `mod:${opts.decidedBy}:${opts.to}`);
  // time to decision: a comment leaving pending or held for a final status
  if ((opts.from === 'pending' || opts.from === 'held') && final) {
    const bucket = ttdBucket(opts.nowMs - opts.createdAtMs);
    fields.push(`ttd:${bucket}`);
    if (human) fields.push(`httd:${bucket}`);
  }
  return fields;
}

/** The fields also counted per section (`sec:<section>:<field>`): decisions and scored flags. */
export const sectionStatFields = (fields: readonly string[]): string[] => fields.filter((f) => /^(auto|human):|^(toxic|spam|severe)$/.test(f));

/** The per-article counter a transition adds to (`held` by the checks, `rejected` by anyone), or '' for none. */
export function articleStatOf(opts: { from: string; to: string; decidedBy: string }): '' | 'held' | 'rejected' {
  if (opts.from === opts.to) return '';
  if (opts.to === 'rejected') return 'rejected';
  return opts.to === 'held' && opts.decidedBy === 'auto' ? 'held' : '';
}

/** The held queue is sampled once per 5 minutes (workers/stats/sample-held-queue.ts). */
export const HELD_SAMPLE_MS = 5 * 60_000;

/** The 5-minute slot of its UTC day a time falls in (0..287). */
export const heldSampleSlot = (ms: number): number => Math.floor((ms % 86_400_000) / HELD_SAMPLE_MS);
