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

/**
 * Prior standard deviations of a and b. The shift b is what sites differ in most (how much of
 * their stream is toxic); the slope a moves little, or a site whose moderators simply agree
 * with the model's calls (rejecting all it scores above 0.5) would have its scores stretched
 * toward 0 and 1 and cross the reject threshold it never asked to.
 */
export const PRIOR_SD = { a: 0.15, b: 0.5 };
/** A site cannot make its scores flat or inverted: below this slope the shipped ranking would stop counting. */
const MIN_SLOPE = 0.2;
const MAX_SLOPE = 5;

/**
 * The maximum a posteriori (a, b) for the decided (logit, label) pairs: Newton steps on the
 * penalised log-loss, which is convex, from the identity.
 * @example fitCalibration([]) // { a: 1, b: 0 }
 */
export function fitCalibration(points: ReadonlyArray<{ u: number; y: 0 | 1 }>, priorSd = PRIOR_SD): Calibration {
  const la = 1 / (priorSd.a * priorSd.a);
  const lb = 1 / (priorSd.b * priorSd.b);
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 25; iter++) {
    // gradient and Hessian of Σ logloss + la/2 (a−1)² + lb/2 b²
    let ga = la * (a - 1);
    let gb = lb * b;
    let haa = la;
    let hab = 0;
    let hbb = lb;
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
  // a corrupt history entry must not turn every score of the site into NaN
  if (!Number.isFinite(a) || !Number.isFinite(b)) return IDENTITY;
  return { a: Math.min(MAX_SLOPE, Math.max(MIN_SLOPE, a)), b };
}
