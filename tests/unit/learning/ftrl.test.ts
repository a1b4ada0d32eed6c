import { describe, expect, it } from 'vitest';
import { ftrlIncrements, ftrlWeight } from '../../../workers/learning/ftrl.js';
import { fitCalibration } from '../../../workers/learning/site-calibration.js';
import { adaptedProbability } from '../../../workers/learning/adaptation-math.js';

const params = { alpha: 1, beta: 1, l1: 0.1, l2: 0 };

describe('the FTRL-proximal correction', () => {
  it('keeps a weight at exactly 0 until the summed disagreement passes the L1 threshold', () => {
    expect(ftrlWeight(0.09, 1, params)).toBe(0);
    expect(ftrlWeight(-0.1, 1, params)).toBe(0);
    expect(ftrlWeight(0.5, 1, params)).toBeLessThan(0); // z sums gradients: positive z means "the model scores this too high"
    expect(ftrlWeight(-0.5, 1, params)).toBeGreaterThan(0);
  });

  it('moves a feature toward the label, less on a coordinate it has often seen (per-coordinate rate)', () => {
    const fresh = ftrlIncrements(-0.5, [0.1], [{ z: 0, n: 0 }], params);
    const seen = ftrlIncrements(-0.5, [0.1], [{ z: -0.5, n: 4 }], params);
    expect(fresh.dz[0]).toBeCloseTo(-0.05, 10);
    expect(fresh.dn[0]).toBeCloseTo(0.0025, 10);
    const weightAfter = (z: number, n: number, d: { dz: Float64Array; dn: Float64Array }) => ftrlWeight(z + d.dz[0]!, n + d.dn[0]!, params) - ftrlWeight(z, n, params);
    expect(weightAfter(-0.5, 4, seen)).toBeLessThan(weightAfter(-0.15, 0, ftrlIncrements(-0.5, [0.1], [{ z: -0.15, n: 0 }], params)));
  });

  it('learns nothing from a decision the model already made with certainty', () => {
    const { dz } = ftrlIncrements(0, [0.1, 0.2], [{ z: 0, n: 0 }, { z: 0, n: 0 }], params);
    expect([...dz]).toEqual([0, 0]);
  });
});

describe("a site's calibration", () => {
  it('is the identity with no decisions', () => {
    expect(fitCalibration([])).toEqual({ a: 1, b: 0 });
    expect(adaptedProbability(0.3, undefined, [])).toBe(0.3);
    expect(adaptedProbability(0.3, { calibration: { a: 1, b: 0 }, z: [0], n: [0] }, [0.1])).toBeCloseTo(0.3, 10);
  });

  it('stays near the identity after a few decisions and shifts with many that agree on a shift', () => {
    // moderators reject a third of the comments the model scores 0.1
    const points = (k: number) => Array.from({ length: k }, (_, i) => ({ u: Math.log(0.1 / 0.9), y: (i % 3 === 0 ? 1 : 0) as 0 | 1 }));
    const few = fitCalibration(points(6));
    const many = fitCalibration(points(600));
    expect(Math.abs(few.b)).toBeLessThan(0.5);
    const at = (c: { a: number; b: number }) => 1 / (1 + Math.exp(-(c.a * Math.log(0.1 / 0.9) + c.b)));
    expect(at(many)).toBeGreaterThan(0.28);
    expect(at(many)).toBeLessThan(0.38);
  });

  it('never inverts or flattens the ranking, and never returns NaN', () => {
    const inverted = Array.from({ length: 400 }, (_, i) => ({ u: i % 2 === 0 ? 3 : -3, y: (i % 2 === 0 ? 0 : 1) as 0 | 1 }));
    expect(fitCalibration(inverted).a).toBeGreaterThanOrEqual(0.2);
    expect(fitCalibration([{ u: Number.NaN, y: 1 }])).toEqual({ a: 1, b: 0 });
  });
});
