import { describe, expect, it } from 'vitest';
import { heldAt, leakAt, resampleWeights } from '../../../training/evaluation-metrics.js';

describe('review metrics', () => {
  it('counts the toxic comments published unseen when moderators review the riskiest share', () => {
    // ranked: T C T C C T C C C C — the top 20 % (2 rows) hold one of three toxic comments
    const scores = [0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2];
    const labels = [1, 0, 1, 0, 0, 1, 0, 0, 0, 0];
    expect(leakAt(scores, labels, 0.2)).toBeCloseTo(2 / 3, 10);
    expect(leakAt(scores, labels, 0.1)).toBeCloseTo(2 / 3, 10);
    expect(leakAt(scores, labels, 0.3)).toBeCloseTo(1 / 3, 10);
    expect(leakAt(scores, labels, 1)).toBe(0);
  });

  it('reviews a tie group at the edge in proportion, so the order of equal scores does not matter', () => {
    // four rows share the top score, two of them toxic; reviewing half of the stream takes half of each
    expect(leakAt([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0], 0.5)).toBeCloseTo(0.5, 10);
    expect(leakAt([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1], 0.5)).toBeCloseTo(0.5, 10);
  });

  it('reads the leak on a stream resampled to 10 % toxic', () => {
    // 2 toxic, 2 clean; resampled, the clean rows weigh 0.45 each and the toxic 0.05
    const scores = [0.9, 0.8, 0.7, 0.1];
    const labels = [0, 1, 0, 1];
    const stream = resampleWeights(labels, 0.1);
    expect(Array.from(stream)).toEqual([0.45, 0.05, 0.45, 0.05]);
    // the riskiest 10 % of that stream is the top clean row alone: no toxic comment is reviewed
    expect(leakAt(scores, labels, 0.1, stream)).toBeCloseTo(1, 10);
    // the riskiest 50 %: the clean row and the first toxic one
    expect(leakAt(scores, labels, 0.5, stream)).toBeCloseTo(0.5, 10);
  });

  it('gives the held share of the stream and of its toxic comments at a threshold', () => {
    const labels = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0];
    const scores = [0.9, 0.3, 0.6, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];
    expect(heldAt(scores, labels, 0.5)).toEqual({ held: 0.2, recall: 0.5 });
    const stream = heldAt(scores, labels, 0.5, resampleWeights(labels, 0.1));
    expect(stream.held).toBeCloseTo(0.1 * 0.5 + 0.9 * (1 / 8), 10);
    expect(stream.recall).toBeCloseTo(0.5, 10);
  });
});
