/**
 * FTRL-proximal (McMahan et al., 2013, "Ad click prediction: a view from the trenches"): online
 * logistic regression with a learning rate per coordinate and L1/L2 regularisation. A site's
 * correction is a sum of weights over the comment's hashed features, added to the shipped
 * model's logit: every weight starts at 0 (the shipped model is the prior), and the L1 term
 * keeps a weight at exactly 0 until the site's decisions disagree with the model on it often
 * enough — a site that disagrees with nothing keeps the shipped scores.
 */

/** The rule's constants; `alpha` is the learning rate (chosen by `npm run learning-eval`, see docs/learning.md). */
export interface FtrlParams {
  alpha: number;
  beta: number;
  l1: number;
  l2: number;
}

/** What one coordinate keeps: `z` (the lazily regularised sum of gradients) and `n` (the sum of squared gradients). */
export interface FtrlState {
  z: number;
  n: number;
}

/** The weight a coordinate's state stands for: 0 while |z| ≤ l1. */
export function ftrlWeight(z: number, n: number, p: FtrlParams): number {
  if (Math.abs(z) <= p.l1) return 0;
  return -(z - Math.sign(z) * p.l1) / ((p.beta + Math.sqrt(n)) / p.alpha + p.l2);
}

/**
 * One step on one decision: given the features' values, their states and the error of the
 * adapted prediction (p − label), the increments to add to each `z` and `n`. Increments, not
 * new values, so concurrent lessons on one site add up in Redis without a lock.
 */
export function ftrlIncrements(
  error: number,
  values: ArrayLike<number>,
  states: ArrayLike<FtrlState>,
  p: FtrlParams,
): { dz: Float64Array; dn: Float64Array } {
  const dz = new Float64Array(values.length);
  const dn = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const { z, n } = states[i]!;
    const g = error * values[i]!;
    const sigma = (Math.sqrt(n + g * g) - Math.sqrt(n)) / p.alpha;
    dz[i] = g - sigma * ftrlWeight(z, n, p);
    dn[i] = g * g;
  }
  return { dz, dn };
}
