/**
 * A site's recalibration of a score: Platt scaling, p = σ(a·logit(score) + b), fitted on the
 * site's own decisions with a Gaussian prior centred on the identity (a = 1, b = 0). With a few
 * decisions the prior wins and scores stay as shipped; with hundreds the site's moderators
 * decide where "toxic" starts on their site. Ranking is unchanged (a stays positive): it moves
 * which comments cross the site's thresholds, not their order.
 */

export interface Calibration {
  a: number;
  b: number;
}

export const IDENTITY: Calibration = { a: 1, b: 0 };

/** Prior standard deviation of a and b: ~50 decisions that agree on a shift are needed to move b by one logit. */
export const PRIOR_SD = 0.5;
/** A site cannot make its scores flat or inverted: below this slope the shipped ranking would stop counting. */
const MIN_SLOPE = 0.2;
const MAX_SLOPE = 5;

/**
 * The maximum a posteriori (a, b) for the decided (logit, label) pairs: Newton steps on the
 * penalised log-loss, which is convex, from the identity.
 * @example fitCalibration([]) // { a: 1, b: 0 }
 */
export function fitCalibration(points: ReadonlyArray<{ u: number; y: 0 | 1 }>, priorSd = PRIOR_SD): Calibration {
  const lambda = 1 / (priorSd * priorSd);
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 25; iter++) {
    // gradient and Hessian of Σ logloss + λ/2 ((a−1)² + b²)
    let ga = lambda * (a - 1);
    let gb = lambda * b;
    let haa = lambda;
    let hab = 0;
    let hbb = lambda;
    for (const { u, y } of points) {
      const p = 1 / (1 + Math.exp(-(a * u + b)));
      const e = p - y;
      const w = p * (1 - p);
      ga += e * u;
      gb += e;
      haa += w * u * u;
      hab += w * u;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-7) break;
  }
  return { a: Math.min(MAX_SLOPE, Math.max(MIN_SLOPE, a)), b };
}
