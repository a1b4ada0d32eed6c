import { HASH_SIZE } from '../workers/scoring/model/feature-hash.js';
import type { FeatureTable } from './feature-table.js';

/**
 * NB-SVM style scaling of each hashed bucket (Wang & Manning 2012): how much more often it
 * appears in positive than in negative rows (weighted, log ratio), raised to `strength`.
 * Training on scaled features lets rare but one-sided n-grams ("pd", "negro") speak louder than
 * L2 alone allows; the scale is folded into the weights afterwards, so scoring costs nothing more.
 * @example logCountRatio(table, rows, labels, weights, 0.5)[bucket] // ≈ sqrt(|log ratio|)
 */
export function logCountRatio(
  table: FeatureTable,
  rows: Int32Array,
  labels: ArrayLike<number>,
  weights: ArrayLike<number>,
  strength: number,
): Float32Array {
  const positive = new Float64Array(HASH_SIZE);
  const negative = new Float64Array(HASH_SIZE);
  const seen = new Int32Array(HASH_SIZE).fill(-1);
  let positives = 0;
  let negatives = 0;
  for (const r of rows) {
    const w = weights[r]!;
    const counts = labels[r] === 1 ? positive : negative;
    if (labels[r] === 1) positives += w;
    else negatives += w;
    // presence, not count: a bucket counts once per row
    for (let k = table.offsets[r]!; k < table.offsets[r + 1]!; k++) {
      const f = table.index[k]!;
      if (seen[f] === r) continue;
      seen[f] = r;
      counts[f]! += w;
    }
  }
  const alpha = 5e-7 * (positives + negatives);
  const ratio = new Float32Array(HASH_SIZE);
  for (let f = 0; f < HASH_SIZE; f++) {
    const log = Math.log((positive[f]! + alpha) / (positives + alpha) / ((negative[f]! + alpha) / (negatives + alpha)));
    ratio[f] = Math.pow(Math.abs(log) + 1e-3, strength);
  }
  return ratio;
}
