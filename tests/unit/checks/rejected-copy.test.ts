import { describe, expect, it } from 'vitest';
import { rejectedCopy } from '../../../workers/checks/rejected-copy.js';
import { toxicityScore } from '../../../workers/checks/toxicity-score.js';
import type { PolicyInput } from '../../../core/sites/policy.js';
import { contextFor } from './check-context.js';

const body = 'Ces gens du quartier nord sont des parasites qui vivent sur notre dos';
const twin = { commentId: '01JREJECTED00000000000000A', reason: 'abuse', decidedAt: '2026-12-01T10:00:00.000Z', similarity: 0.92 };
const withTwin = (policy: PolicyInput = {}) => ({ ...contextFor(body, { policy }), adaptation: { features: { buckets: [], values: new Float64Array() }, rejectedTwin: twin } });

describe('the rejectedCopy check', () => {
  it('holds a near-copy of a rejected comment and names the decision it matches', () => {
    const result = rejectedCopy(withTwin());
    expect(result?.status).toBe('held');
    expect(result?.reasons).toEqual([
      {
        check: 'rejectedCopy',
        code: 'copies_rejected',
        message: 'Near-copy (92 % similar) of comment 01JREJECTED00000000000000A, rejected by a moderator for abuse on 2026-12-01',
        spans: [],
        matches: twin,
      },
    ]);
  });

  it('rejects it when the site asks, and says nothing when the site turned it off', () => {
    expect(rejectedCopy(withTwin({ learning: { copiesOfRejected: 'reject' } }))?.status).toBe('rejected');
    expect(rejectedCopy(withTwin({ learning: { copiesOfRejected: 'off' } }))).toBeUndefined();
  });

  it('says nothing about a comment that copies no rejection', () => {
    expect(rejectedCopy(contextFor(body))).toBeUndefined();
  });
});

describe("policy.learning.adaptScores", () => {
  it("leaves the shipped score alone when the site turned its learned correction off", () => {
    const correction = { version: 1, updates: 50, calibration: { a: 1, b: 3 }, z: new Float64Array(), n: new Float64Array() };
    const ctx = (policy: PolicyInput) => ({ ...contextFor(body, { policy }), adaptation: { features: { buckets: [], values: new Float64Array() }, toxicity: correction } });
    const shipped = toxicityScore(contextFor(body))?.scores?.toxicity ?? 0;
    expect(toxicityScore(ctx({}))?.scores?.toxicity).toBeGreaterThan(shipped + 0.1);
    expect(toxicityScore(ctx({ learning: { adaptScores: false } }))?.scores?.toxicity).toBe(shipped);
  });
});
