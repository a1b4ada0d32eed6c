/**
 * How a site's lessons change a score: the shipped model's logit plus the site's FTRL
 * correction on the comment's hashed features (ftrl.ts), then the site's calibration
 * (site-calibration.ts). With no lessons both are the identity and the shipped score stands.
 */
import { ftrlWeight, type FtrlParams } from './ftrl.js';
import { FTRL_PARAMS } from './adaptation-params.js';

/** Adjustments are bounded: a site can shift a score, not flip certainty into its opposite. */
export const MAX_LOGIT_SHIFT = 6;

// a scorer's hard 0 or 1 is read as 1 % or 99 %, so a site's lessons can still move it
const EPS = 0.01;
export const logit = (p: number): number => {
  const q = Math.min(1 - EPS, Math.max(EPS, p));
  return Math.log(q / (1 - q));
};
export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** What the adapted score is computed from: the site's state for one comment's features. */
export interface SiteCorrection {
  calibration: { a: number; b: number };
  z: ArrayLike<number>;
  n: ArrayLike<number>;
}

/** The corrected logit before calibration: shipped logit + Σ weight × value, the shift bounded. */
export function correctedLogit(base: number, c: Pick<SiteCorrection, 'z' | 'n'> | undefined, values: ArrayLike<number>, params: FtrlParams = FTRL_PARAMS): number {
  let shift = 0;
  if (c) for (let i = 0; i < values.length; i++) shift += ftrlWeight(c.z[i] ?? 0, c.n[i] ?? 0, params) * values[i]!;
  return logit(base) + Math.max(-MAX_LOGIT_SHIFT, Math.min(MAX_LOGIT_SHIFT, shift));
}

/**
 * The site's score of a comment: its corrected logit through the site's calibration.
 * @example adaptedProbability(0.3, undefined, []) // 0.3: a site that learned nothing keeps the shipped score
 */
export function adaptedProbability(base: number, c: SiteCorrection | undefined, values: ArrayLike<number>, params: FtrlParams = FTRL_PARAMS): number {
  if (!c) return base;
  const { a, b } = c.calibration;
  return sigmoid(a * correctedLogit(base, c, values, params) + b);
}
