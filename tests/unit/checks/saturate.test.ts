import { describe, expect, it } from 'vitest';
import { saturate } from '../../../workers/scoring/saturate.js';

describe('saturate', () => {
  it('keeps a single weight as is and adds two weak signals up', () => {
    expect(saturate([0.4])).toBeCloseTo(0.4);
    expect(saturate([0.5, 0.5])).toBeCloseTo(0.75);
  });

  it('stays within 0..1 whatever it is given', () => {
    expect(saturate([])).toBe(0);
    expect(saturate([0.9, 0.9, 0.9, 0.9, 2])).toBe(1);
    expect(saturate([-1, Number.NaN, 0.3])).toBeCloseTo(0.3);
  });
});
