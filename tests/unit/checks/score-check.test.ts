import { describe, expect, it } from 'vitest';
import { defineScoreCheck } from '../../../workers/checks/score-check.js';
import { spamScore } from '../../../workers/checks/spam-score.js';
import { toxicityScore } from '../../../workers/checks/toxicity-score.js';
import type { ScoredSpan, TextScorer } from '../../../workers/scoring/scorer.js';
import { contextFor } from './check-context.js';

const fakeScorer = (spans: ScoredSpan[], toxicity = 0.97): TextScorer => ({
  name: 'fake',
  version: '7',
  score: () => ({ scores: { toxicity }, spans }),
});

describe('score checks', () => {
  it('passes the scorer scores through without deciding a status', () => {
    const check = defineScoreCheck({ name: 'toxicityScore', version: '1', code: 'toxic_language', scorer: fakeScorer([]) });
    const result = check(contextFor('peu importe'));
    expect(result).toEqual({ scores: { toxicity: 0.97 } });
  });

  it('turns spans into one reason per attribute naming the words, strongest first', () => {
    const body = 'abruti et connard, je vais te tuer';
    const check = defineScoreCheck({
      name: 'toxicityScore',
      version: '1',
      code: 'toxic_language',
      scorer: fakeScorer([
        { start: 0, end: 6, attribute: 'insult', weight: 0.6 },
        { start: 10, end: 17, attribute: 'insult', weight: 0.85 },
        { start: 19, end: 34, attribute: 'threat', weight: 0.95 },
      ]),
    });
    expect(check(contextFor(body))?.reasons).toEqual([
      {
        check: 'toxicityScore',
        code: 'toxic_language',
        message: 'Threat: "je vais te tuer"',
        spans: [{ start: 19, end: 34 }],
        attribute: 'threat',
      },
      {
        check: 'toxicityScore',
        code: 'toxic_language',
        message: 'Insult: "connard", "abruti"',
        spans: [
          { start: 0, end: 6 },
          { start: 10, end: 17 },
        ],
        attribute: 'insult',
      },
    ]);
  });

  it('names a spam signal by its kind when the quote alone does not say', () => {
    const body = 'Appelez le 06 12 34 56 78';
    const check = defineScoreCheck({
      name: 'spamScore',
      version: '1',
      code: 'spam_signals',
      scorer: fakeScorer([{ start: 11, end: 25, attribute: 'spam', weight: 0.45, label: 'phone number' }]),
    });
    expect(check(contextFor(body))?.reasons?.[0]?.message).toBe('Spam signals: phone number "06 12 34 56 78"');
  });

  it('records the scorer name and version for the decision trace', () => {
    const check = defineScoreCheck({ name: 'x', version: '3', code: 'toxic_language', scorer: fakeScorer([]) });
    expect([check.checkName, check.version, check.models]).toEqual(['x', '3', { fake: '7' }]);
    expect(toxicityScore.models).toEqual({ 'linear-toxicity': '3' });
    expect(spamScore.models).toEqual({ 'linear-spam': '3' });
  });

  it('gives a toxic_language reason for an insult with the built-in scorer', () => {
    const result = toxicityScore(contextFor("T'es qu'un c0nn4rd"));
    expect(result?.scores?.toxicity).toBeGreaterThanOrEqual(0.5);
    expect(result?.reasons?.map((r) => r.message)).toEqual(['Insult: "c0nn4rd"']);
  });

  it('gives a spam_signals reason for a money phrase with the built-in scorer', () => {
    const result = spamScore(contextFor('Travail à domicile, cliquez ici'));
    expect(result?.reasons?.map((r) => r.code)).toEqual(['spam_signals']);
    expect(result?.reasons?.[0]?.message).toBe('Spam signals: "Travail à domicile", "cliquez ici"');
  });
});
