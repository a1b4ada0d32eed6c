import { describe, expect, it } from 'vitest';
import { policySchema, type PolicyInput } from '../../../core/sites/policy.js';
import type { CheckResult } from '../../../protocol/decision.js';
import type { Reason, ReasonCode } from '../../../protocol/reason.js';
import { decideStatus } from '../../../core/decision/decide-status.js';

const policy = (input: PolicyInput = {}) => policySchema.parse(input);
const reason = (check: string, code: ReasonCode): Reason => ({ check, code, message: code, spans: [] });
const codes = (results: Array<CheckResult | undefined>, input: PolicyInput = {}) =>
  decideStatus(results, policy(input)).reasons.map((r) => r.code);

describe('decideStatus', () => {
  it('approves a comment no check objected to', () => {
    const decision = decideStatus([undefined, { scores: { toxicity: 0.1, spam: 0.2 } }], policy());
    expect(decision).toEqual({
      status: 'approved',
      scores: { toxicity: 0.1, spam: 0.2 },
      reasons: [],
      thresholds: { toxicity: { hold: 0.5, reject: 0.9 }, spam: { hold: 0.5, reject: 0.9 }, severe: { hold: 0.5, reject: 0.8 } },
    });
  });

  it('keeps the highest score per attribute across checks', () => {
    const decision = decideStatus([{ scores: { spam: 0.2 } }, { scores: { spam: 0.4, insult: 0.3 } }], policy());
    expect(decision.scores).toEqual({ spam: 0.4, insult: 0.3 });
  });

  it('ignores scores that are not numbers and clamps others to 0..1', () => {
    const decision = decideStatus([{ scores: { spam: Number.NaN, toxicity: 1.7, insult: -2 } }], policy());
    expect(decision.scores).toEqual({ toxicity: 1, insult: 0 });
  });

  it('lets the strictest status demanded by a check win: rejected over held over approved', () => {
    const held: CheckResult = { status: 'held', reasons: [reason('velocity', 'velocity')] };
    const rejected: CheckResult = { status: 'rejected', reasons: [reason('bannedAuthor', 'author_banned')] };
    expect(decideStatus([held], policy()).status).toBe('held');
    expect(decideStatus([held, rejected, { status: 'approved' }], policy()).status).toBe('rejected');
  });

  it('keeps every check reason in check order', () => {
    const results = [{ reasons: [reason('links', 'url_shortener')] }, { reasons: [reason('duplicate', 'duplicate_site')] }];
    expect(codes(results)).toEqual(['url_shortener', 'duplicate_site']);
  });

  it('rejects a comment whose toxicity reaches the reject threshold, naming score and threshold', () => {
    const decision = decideStatus([{ scores: { toxicity: 0.93 } }], policy());
    expect(decision.status).toBe('rejected');
    expect(decision.reasons).toEqual([
      {
        check: 'decideStatus',
        code: 'toxicity_above_reject',
        message: 'Toxicity 0.93 is at or above the reject threshold 0.9',
        spans: [],
        threshold: { attribute: 'toxicity', step: 'reject', threshold: 0.9, score: 0.93 },
      },
    ]);
  });

  it('names the model whose score reached the threshold', () => {
    const linear = { id: 'linear-spam', version: '2' };
    const akismet = { id: 'akismet', version: '1.1' };
    const decision = decideStatus([{ scores: { spam: 0.3 }, scoredBy: linear }, { scores: { spam: 0.99 }, scoredBy: akismet }], policy());
    expect(decision.reasons).toEqual([expect.objectContaining({ code: 'spam_above_reject', model: akismet })]);
    const tie = decideStatus([{ scores: { spam: 0.95 }, scoredBy: linear }, { scores: { spam: 0.95 }, scoredBy: akismet }], policy());
    expect(tie.reasons[0]?.model).toEqual(linear);
  });

  it('holds a comment whose toxicity reaches the hold threshold but not the reject one', () => {
    const decision = decideStatus([{ scores: { toxicity: 0.5 } }], policy());
    expect(decision.status).toBe('held');
    expect(decision.reasons.map((r) => r.code)).toEqual(['toxicity_above_hold']);
  });

  it('rejects and holds on spam the same way', () => {
    expect(decideStatus([{ scores: { spam: 0.95 } }], policy()).status).toBe('rejected');
    expect(codes([{ scores: { spam: 0.95 } }])).toEqual(['spam_above_reject']);
    expect(codes([{ scores: { spam: 0.6 } }])).toEqual(['spam_above_hold']);
  });

  it("uses the site's own thresholds", () => {
    const strict = { thresholds: { toxicity: { hold: 0.2, reject: 0.4 } } };
    expect(decideStatus([{ scores: { toxicity: 0.3 } }], policy(strict)).status).toBe('held');
    expect(decideStatus([{ scores: { toxicity: 0.45 } }], policy(strict)).status).toBe('rejected');
  });

  it('never shows a score rounded up to the threshold it missed', () => {
    const decision = decideStatus([{ scores: { toxicity: 0.8999 } }], policy());
    expect(decision.reasons[0]?.message).toBe('Toxicity 0.899 is at or above the hold threshold 0.5');
  });

  it('does not let a low score soften a status a check demanded', () => {
    const decision = decideStatus([{ status: 'rejected' }, { scores: { toxicity: 0.6 } }], policy());
    expect(decision.status).toBe('rejected');
  });

  it('holds everything not rejected on a pre-moderated site, with reason pre_moderation', () => {
    const decision = decideStatus([{ scores: { toxicity: 0.1 } }], policy({ mode: 'pre' }));
    expect(decision.status).toBe('held');
    expect(decision.reasons.map((r) => r.code)).toEqual(['pre_moderation']);
  });

  it('still rejects on a pre-moderated site, without a pre_moderation reason', () => {
    const decision = decideStatus([{ scores: { spam: 0.99 } }], policy({ mode: 'pre' }));
    expect(decision.status).toBe('rejected');
    expect(decision.reasons.map((r) => r.code)).toEqual(['spam_above_reject']);
  });

  it('adds no pre_moderation reason to a comment already held for another reason', () => {
    expect(codes([{ status: 'held', reasons: [reason('newAuthor', 'first_comment')] }], { mode: 'pre' })).toEqual([
      'first_comment',
    ]);
  });
});
