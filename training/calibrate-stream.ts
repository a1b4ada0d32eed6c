import { sigmoid } from '../workers/scoring/model/linear-model.js';
import { calibrationTable, fitPlatt, heldAt, resampleWeights, rocAuc } from './evaluation-metrics.js';
import { streamWeights } from './source-weights.js';

/** Held-out calls at or above this probability are "sure"; the model may claim no more than they were right. */
const SURE = 0.8;
/** A model alone never reaches the default reject threshold (0.9): only curated severe patterns reject. */
const MAX_CEILING = 0.85;

export interface HeldOut {
  margins: ArrayLike<number>;
  labels: ArrayLike<number>;
  sources: readonly string[];
}

export interface StreamCalibration {
  platt: { a: number; b: number };
  ceiling: number;
  /** The stream the Platt fit was weighted as (share of positives). */
  prior: number;
  /** Log-odds added after the fit so the hold threshold meets the moderators' budget (0: plain stream probability). */
  shift: number;
  /** The share of positives of the stream on which the shifted score is a probability. */
  effectivePrior: number;
  ece: number;
  bins: Array<{ bin: string; n: number; meanP: number; rate: number }>;
  pooledAuc: number;
}

export const probabilityOf = (cal: Pick<StreamCalibration, 'platt' | 'ceiling'>, z: number) => Math.min(cal.ceiling, sigmoid(cal.platt.a * z + cal.platt.b));

/**
 * Platt scaling fitted on held-out (leave-one-source-out) margins weighted as a comment stream
 * where `prior` of comments are positive, sources equal inside each class; then, when `budget`
 * is given, the log-odds shift that makes the mean held share over `budget.sources` (each
 * resampled to `prior` positives) at `budget.threshold` equal `budget.held`.
 */
export function calibrateStream(h: HeldOut, prior: number, budget?: { sources: readonly string[]; threshold: number; held: number }): StreamCalibration {
  const keep = Array.from({ length: h.sources.length }, (_, i) => i).filter((i) => !Number.isNaN(h.margins[i]!));
  const m = keep.map((i) => h.margins[i]!);
  const y = keep.map((i) => h.labels[i]!);
  const src = keep.map((i) => h.sources[i]!);
  const w = Array.from(streamWeights(keep.map((_, k) => ({ source: src[k]!, label: y[k]! })), prior));
  const fitted = fitPlatt(m, y, w);
  let shift = 0;
  if (budget) {
    const perSource = budget.sources.map((s) => {
      const idx = src.flatMap((x, k) => (x === s ? [k] : []));
      const labels = idx.map((k) => y[k]!);
      return { margins: idx.map((k) => m[k]!), labels, weights: resampleWeights(labels, prior) };
    });
    const meanHeld = (d: number) =>
      perSource.reduce((a, s) => a + heldAt(s.margins.map((z) => sigmoid(fitted.a * z + fitted.b + d)), s.labels, budget.threshold, s.weights).held, 0) / perSource.length;
    let lo = -8;
    let hi = 8;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (meanHeld(mid) < budget.held) lo = mid;
      else hi = mid;
    }
    shift = (lo + hi) / 2;
  }
  const platt = { a: fitted.a, b: fitted.b + shift };
  const logit = (p: number) => Math.log(p / (1 - p));
  const effectivePrior = sigmoid(logit(prior) + shift);
  const ew = Array.from(streamWeights(keep.map((_, k) => ({ source: src[k]!, label: y[k]! })), effectivePrior));
  const raw = m.map((z) => sigmoid(platt.a * z + platt.b));
  let sure = 0;
  let right = 0;
  raw.forEach((p, k) => {
    if (p < SURE) return;
    sure += ew[k]!;
    right += ew[k]! * y[k]!;
  });
  const ceiling = sure > 0 ? Math.min(MAX_CEILING, Math.max(SURE, right / sure)) : MAX_CEILING;
  const p = raw.map((q) => Math.min(ceiling, q));
  const table = calibrationTable(p, y, 10, ew);
  return { platt, ceiling, prior, shift, effectivePrior, ece: table.ece, bins: table.rows, pooledAuc: rocAuc(m, y) };
}
