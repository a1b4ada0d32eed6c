import type { AdaptationFeatures } from '../../workers/learning/adaptation-features.js';
import { adaptedProbability, correctedLogit, sigmoid } from '../../workers/learning/adaptation-math.js';
import { ftrlIncrements, type FtrlParams } from '../../workers/learning/ftrl.js';
import { fitCalibration } from '../../workers/learning/site-calibration.js';
import { rocAuc } from '../evaluation-metrics.js';

export interface Lesson {
  /** The comment's adaptation features (adaptationFeatures), computed once by the caller. */
  features: AdaptationFeatures;
  base: number;
  label: 0 | 1;
}

/**
 * The learning path's arithmetic without Redis (same functions, one site in memory): fast
 * enough to choose the learning rate on many sources before the real path is measured.
 * Returns the AUC on `test` after the lessons.
 */
export function simulateLessons(lessons: readonly Lesson[], test: readonly Lesson[], params: FtrlParams): number {
  const z = new Map<number, number>();
  const n = new Map<number, number>();
  const history: Array<{ u: number; y: 0 | 1 }> = [];
  let calibration = { a: 1, b: 0 };
  const stateOf = (buckets: number[]) => ({
    calibration,
    z: buckets.map((b) => z.get(b) ?? 0),
    n: buckets.map((b) => n.get(b) ?? 0),
  });
  for (const lesson of lessons) {
    const f = lesson.features;
    const state = stateOf(f.buckets);
    const u = correctedLogit(lesson.base, state, f.values, params);
    const { dz, dn } = ftrlIncrements(sigmoid(u) - lesson.label, f.values, state.z.map((zi, i) => ({ z: zi, n: state.n[i]! })), params);
    f.buckets.forEach((b, i) => {
      z.set(b, (z.get(b) ?? 0) + dz[i]!);
      n.set(b, (n.get(b) ?? 0) + dn[i]!);
    });
    history.unshift({ u, y: lesson.label });
    calibration = fitCalibration(history);
  }
  const scores = test.map((t) => {
    const f = t.features;
    return adaptedProbability(t.base, stateOf(f.buckets), f.values, params);
  });
  return rocAuc(scores, test.map((t) => t.label));
}
