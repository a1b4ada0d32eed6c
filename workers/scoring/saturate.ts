/**
 * Combines independent signals into one 0..1 score: 1 - Π(1 - w). Two weak signals add up,
 * no pile of them exceeds 1, and a single signal keeps its own weight.
 * @example saturate([0.5, 0.5]) // 0.75
 */
export function saturate(weights: Iterable<number>): number {
  let keep = 1;
  for (const w of weights) if (Number.isFinite(w)) keep *= 1 - Math.min(1, Math.max(0, w));
  return 1 - keep;
}
