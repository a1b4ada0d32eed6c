import { describe, expect, it } from 'vitest';
import type { Comment } from '../../protocol/comment.js';
import { statementOfReasons } from '../../core/comments/statement-of-reasons.js';

const linearToxicity = { id: 'linear-toxicity', version: '2' };
const thresholds = { toxicity: { hold: 0.5, reject: 0.9 }, spam: { hold: 0.5, reject: 0.9 } };
const base: Comment = {
  id: '01JC0000000000000000000001',
  siteId: 's',
  articleId: 'budget',
  parentId: null,
  author: { id: 'u_x', name: 'Awa' },
  body: 'Espèce de connard, va-t-en',
  status: 'rejected',
  createdAt: '2026-11-29T09:00:00.000Z',
  version: 2,
  scores: { toxicity: 0.93, spam: 0.01 },
  reasons: [
    { check: 'toxicityScore', code: 'toxic_language', message: 'Insult: "connard"', spans: [{ start: 10, end: 17 }], model: linearToxicity },
    {
      check: 'decideStatus',
      code: 'toxicity_above_reject',
      message: 'Toxicity 0.93 is at or above the reject threshold 0.9',
      spans: [],
      threshold: { attribute: 'toxicity', step: 'reject', threshold: 0.9, score: 0.93 },
      model: linearToxicity,
    },
  ],
  decision: {
    mode: 'post',
    thresholds,
    checks: { toxicityScore: '2', decideStatus: '1' },
    models: { language: 'eld-2', 'linear-toxicity': '2', 'linear-spam': '2', akismet: '1.1' },
  },
  decidedBy: 'auto',
  decidedAt: '2026-11-29T09:00:00.100Z',
};

describe('statement of reasons', () => {
  it('states an automated removal with the threshold crossed, the score and the models behind it', () => {
    const s = statementOfReasons(base);
    expect(s).toMatchObject({ restriction: 'removed', decidedBy: 'automated', automatedMeans: true, policy: { mode: 'post' } });
    expect(s.grounds[1]).toMatchObject({
      check: 'decideStatus',
      attribute: 'toxicity',
      step: 'reject',
      score: 0.93,
      threshold: 0.9,
      models: [{ id: 'linear-toxicity', version: '2' }],
    });
  });

  it('quotes the words each finding points at, with the version of the check', () => {
    expect(statementOfReasons(base).grounds[0]).toMatchObject({
      checkVersion: '2',
      excerpts: ['connard'],
      models: [{ id: 'linear-toxicity', version: '2' }],
    });
  });

  it("gives a moderator's reason without naming the moderator", () => {
    const s = statementOfReasons({ ...base, decidedBy: 'mod_123', moderatorReason: { code: 'abuse', note: 'Insulte' } });
    expect(s.decidedBy).toBe('moderator');
    expect(s.moderatorReason).toEqual({ code: 'abuse', note: 'Insulte' });
    expect(JSON.stringify(s)).not.toContain('mod_123');
  });

  it('links a spam threshold to the model whose score reached it, Akismet here', () => {
    const s = statementOfReasons({
      ...base,
      scores: { spam: 0.99 },
      reasons: [
        {
          check: 'decideStatus',
          code: 'spam_above_reject',
          message: '…',
          spans: [],
          threshold: { attribute: 'spam', step: 'reject', threshold: 0.9, score: 0.99 },
          model: { id: 'akismet', version: '1.1' },
        },
      ],
    });
    expect(s.grounds[0]).toMatchObject({ attribute: 'spam', step: 'reject', threshold: 0.9, score: 0.99 });
    expect(s.grounds[0]!.models!.map((m) => m.id)).toEqual(['akismet']);
  });

  it('says nothing is restricted for a published comment', () => {
    const s = statementOfReasons({ ...base, status: 'approved', reasons: [] });
    expect(s).toMatchObject({ restriction: 'none', grounds: [] });
  });
});
