import { describe, expect, it } from 'vitest';
import { effectivePolicy } from '../../../core/articles/article-policy.js';
import { defaultPolicy } from '../../../core/sites/policy.js';
import { decideStatus } from '../../../core/decision/decide-status.js';

const NOW = Date.parse('2026-11-29T12:00:00Z');

describe('effectivePolicy', () => {
  it('is the site policy for an article with no override and no surge', () => {
    const site = defaultPolicy();
    expect(effectivePolicy(site, { title: 'Météo', approved: '3' }, NOW)).toEqual({ policy: site });
  });

  it('merges the article override over the site policy and says why a clean comment is held', () => {
    const article = { policy: JSON.stringify({ mode: 'pre', thresholds: { toxicity: { hold: 0.3 } } }) };
    const { policy, hold } = effectivePolicy(defaultPolicy(), article, NOW);
    expect(policy.mode).toBe('pre');
    expect(policy.thresholds.toxicity).toEqual({ hold: 0.3, reject: 0.9 });
    const decision = decideStatus([], policy, hold);
    expect(decision.status).toBe('held');
    expect(decision.reasons.at(-1)?.code).toBe('article_pre_moderation');
  });

  it('pre-moderates while a surge lasts, and no longer once it is over', () => {
    const surging = effectivePolicy(defaultPolicy(), { surgeUntil: String(NOW + 1000) }, NOW);
    expect(surging.policy.mode).toBe('pre');
    expect(decideStatus([], surging.policy, surging.hold).reasons.at(-1)?.code).toBe('surge_pre_moderation');
    const over = effectivePolicy(defaultPolicy(), { surgeUntil: String(NOW) }, NOW);
    expect(decideStatus([], over.policy, over.hold).status).toBe('approved');
  });

  it('keeps a stricter reason than pre-moderation: a toxic comment is still rejected during a surge', () => {
    const { policy, hold } = effectivePolicy(defaultPolicy(), { surgeUntil: String(NOW + 1000) }, NOW);
    const decision = decideStatus([{ scores: { toxicity: 0.95 } }], policy, hold);
    expect(decision.status).toBe('rejected');
    expect(decision.reasons.map((r) => r.code)).not.toContain('surge_pre_moderation');
  });

  it('lets a post-moderated article publish on a pre-moderated site', () => {
    const site = { ...defaultPolicy(), mode: 'pre' as const };
    const { policy, hold } = effectivePolicy(site, { policy: JSON.stringify({ mode: 'post' }) }, NOW);
    expect(decideStatus([], policy, hold).status).toBe('approved');
  });
});
