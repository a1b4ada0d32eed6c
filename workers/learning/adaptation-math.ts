/**
 * A site's adaptation is a second logistic regression stacked on the shipped model: it adds a
 * bias and per-feature weights to the shipped model's calibrated logit, and learns them online
 * from moderators' decisions on the same hashed n-gram features.
 */

/** Step size of one update; large enough that a few hundred decisions move a site's scores. */
export const LEARNING_RATE = 0.8;
/** Weight decay per update, so old lessons fade when moderators change their minds. */
export const DECAY = 0.0005;
/** Adjustments are bounded: a site can shift a score, not flip certainty into its opposite. */
export const MAX_LOGIT_SHIFT = 6;

// a scorer's hard 0 or 1 is read as 1 % or 99 %, so a site's lessons can still move it
const EPS = 0.01;
export const logit = (p: number): number => {
  const q = Math.min(1 - EPS, Math.max(EPS, p));
  return Math.log(q / (1 - q));
};
export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The adapted probability: base logit + site bias + Σ weight × value, shift bounded. */
export function adaptedProbability(base: number, bias: number, weights: ArrayLike<number>, values: ArrayLike<number>): number {
  let shift = bias;
  for (let i = 0; i < values.length; i++) shift += (weights[i] ?? 0) * values[i]!;
  shift = Math.max(-MAX_LOGIT_SHIFT, Math.min(MAX_LOGIT_SHIFT, shift));
  return sigmoid(logit(base) + shift);
}

/** One SGD step of log-loss on (features, label): the increments to add to each weight and the bias. */
export function gradientStep(
  adapted: number,
  label: 0 | 1,
  weights: ArrayLike<number>,
  values: ArrayLike<number>,
  rate = LEARNING_RATE,
): { weightDeltas: Float64Array; biasDelta: number } {
  const error = adapted - label;
  const weightDeltas = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) weightDeltas[i] = -rate * (error * values[i]! + DECAY * (weights[i] ?? 0));
  // the bias learns slower: one decision should nudge the whole site, not swing it
  return { weightDeltas, biasDelta: (-rate * error) / 4 };
}
