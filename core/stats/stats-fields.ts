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

/** Fields to increment when a comment goes from `from` to `to`, decided by `auto` or a moderator id. */
export function decisionStatFields(opts: {
  from: string;
  to: string;
  decidedBy: string;
  createdAtMs: number;
  nowMs: number;
}): string[] {
  const fields: string[] = [];
  if (opts.from === opts.to) return fields;
  const human = opts.decidedBy !== 'auto';
  const final = opts.to === 'approved' || opts.to === 'rejected';
  if (!human && opts.from === 'pending') fields.push(`auto:${opts.to}`);
  if (human && final) fields.push(`human:${opts.to}`, `mod:${opts.decidedBy}:${opts.to}`);
  // time to decision: a comment leaving pending or held for a final status
  if ((opts.from === 'pending' || opts.from === 'held') && final) {
    fields.push(`ttd:${ttdBucket(opts.nowMs - opts.createdAtMs)}`);
  }
  return fields;
}
