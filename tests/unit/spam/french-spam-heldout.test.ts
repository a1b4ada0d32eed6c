import { describe, expect, it } from 'vitest';
import { spamScorer } from '../../../workers/scoring/built-in-scorers.js';
import { evaluateFrenchSpam, readFrenchSpamCases } from '../../../training/spam/french-spam-evaluation.js';

// floors a little under what v3 reaches (models/spam-v3.md), so a model or pattern change that loses ground fails here
const RECALL_FLOOR = 0.9;
const FALSE_POSITIVE_CEILING = 0.02;

describe('the French regional spam test set, held-out split (never tuned on), through the real spam scorer', () => {
  const cases = readFrenchSpamCases().filter((c) => c.split === 'heldout');
  const figures = evaluateFrenchSpam(spamScorer, cases, 'heldout');

  it('has at least 50 spam and 200 legitimate comments, among them legitimate phone numbers and e-mails', () => {
    expect(figures.spam).toBeGreaterThanOrEqual(50);
    expect(figures.legitimate).toBeGreaterThanOrEqual(200);
    expect(figures.legitContactCases).toBeGreaterThanOrEqual(30);
  });

  it(`holds at least ${RECALL_FLOOR * 100} % of the scams`, () => {
    expect(figures.recall, `missed: ${figures.missed.join(', ')}`).toBeGreaterThanOrEqual(RECALL_FLOOR);
  });

  it(`holds at most ${FALSE_POSITIVE_CEILING * 100} % of the legitimate comments, and none that gives a number or an address for a good reason`, () => {
    expect(figures.falsePositives / figures.legitimate, `held: ${figures.flagged.join(', ')}`).toBeLessThanOrEqual(FALSE_POSITIVE_CEILING);
    expect(figures.legitContactFalsePositives, `held: ${figures.flagged.join(', ')}`).toBe(0);
  });
});
