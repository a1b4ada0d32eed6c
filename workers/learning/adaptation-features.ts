import { hashedFeatures } from '../scoring/model/hashed-features.js';
import type { NormalizedText } from '../text/normalize.js';

/** Distinct hashed n-gram buckets of a comment with their summed values: what a site's adaptation weighs. */
export interface AdaptationFeatures {
  buckets: number[];
  values: Float64Array;
}

/** Most features one comment contributes; enough for a long comment, bounded for Redis. */
const MAX_FEATURES = 800;
/**
 * Every comment also carries the site's intercept, a feature of value 1: how much more (or less)
 * toxic the site's stream is than the shipped calibration assumes is learned there, once,
 * instead of leaking into the weights of words that happen to be common on the site.
 */
export const INTERCEPT_BUCKET = -1;

export function adaptationFeatures(text: NormalizedText): AdaptationFeatures {
  const sparse = hashedFeatures(text);
  const sums = new Map<number, number>();
  for (let i = 0; i < sparse.length && sums.size < MAX_FEATURES; i++) {
    const b = sparse.index[i]!;
    sums.set(b, (sums.get(b) ?? 0) + sparse.value[i]!);
  }
  sums.set(INTERCEPT_BUCKET, 1);
  const buckets = [...sums.keys()];
  return { buckets, values: Float64Array.from(buckets, (b) => sums.get(b)!) };
}
