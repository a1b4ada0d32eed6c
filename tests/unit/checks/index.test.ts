import { describe, expect, it } from 'vitest';
import { checks } from '../../../workers/checks/index.js';
import { decideStatus } from '../../../core/decision/decide-status.js';
import { contextFor } from './check-context.js';

describe('the built-in check list', () => {
  it('runs in the reviewed policy order', () => {
    expect(checks.map((c) => c.checkName)).toEqual([
      'length',
      'bannedAuthor',
      'bannedWords',
      'links',
      'duplicate',
      'textCampaign',
      'rejectedCopy',
      'velocity',
      'deviceFlood',
      'inhumanRhythm',
      'spamScore',
      'severeHarm',
      'toxicityScore',
      'targetedAbuse',
      'newAuthor',
    ]);
  });

  it('gives every check a version to record with each decision', () => {
    for (const check of checks) expect(check.version).toMatch(/^\S+$/);
  });

  it('approves an ordinary French comment end to end', () => {
    const ctx = contextFor("Merci pour cet article très complet sur la réforme des retraites, j'attends la suite.");
    expect(decideStatus(checks.map((c) => c(ctx)), ctx.policy)).toMatchObject({ status: 'approved', reasons: [] });
  });

  it('rejects a threat end to end and explains it with the words and the threshold', () => {
    const ctx = contextFor('On sait où tu habites, je vais te tuer.');
    const decision = decideStatus(checks.map((c) => c(ctx)), ctx.policy);
    expect(decision.status).toBe('rejected');
    expect(decision.reasons.map((r) => r.code)).toEqual(['threat', 'threat', 'toxic_language', 'severe_above_reject', 'toxicity_above_reject']);
    expect(decision.reasons[0]).toMatchObject({ check: 'severeHarm', category: 'threat', message: 'Threat (0.98): "je vais te tuer"' });
    expect(decision.reasons[1]?.message).toBe('Threat (0.90): "On sait où tu habites"');
    expect(decision.reasons[2]?.message).toBe('Threat: "je vais te tuer", "On sait où tu habites"');
  });
});
