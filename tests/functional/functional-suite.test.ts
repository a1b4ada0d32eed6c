import { describe, expect, it } from 'vitest';
import { BARS } from './functional-case.js';
import { CATEGORIES, runFunctional } from './run-functional.js';

// every third case of each language: the whole suite runs in `npm run eval:functional`
const SAMPLE_STEP = 3;

describe('the functional suite (a sample)', () => {
  const results = runFunctional(CATEGORIES, SAMPLE_STEP);

  it('has at least 30 French and 20 English cases in every category', () => {
    for (const c of CATEGORIES) {
      expect(c.fr.length, c.id).toBeGreaterThanOrEqual(30);
      expect(c.en.length, c.id).toBeGreaterThanOrEqual(20);
    }
  });

  it.each(results.filter((r) => r.category.kind === 'severe').map((r) => [r.category.id, r] as const))(
    'rejects threats, calls to violence, wishes of harm and dehumanisation: %s',
    (_, r) => {
      expect(r.accuracy, JSON.stringify(r.failures.map((f) => f.text))).toBeGreaterThanOrEqual(BARS.severe);
    },
  );

  it.each(results.filter((r) => r.category.kind === 'benign').map((r) => [r.category.id, r] as const))(
    'publishes denials, counter-speech, news, names and harsh opinion: %s',
    (_, r) => {
      expect(r.accuracy, JSON.stringify(r.failures.map((f) => f.text))).toBeGreaterThanOrEqual(BARS.benign);
    },
  );

  it('holds most derogation, slurs, insults to the reader and obfuscated abuse', () => {
    const abuse = results.filter((r) => r.category.kind === 'abuse');
    const passed = abuse.reduce((n, r) => n + r.fr.passed + r.en.passed, 0);
    const total = abuse.reduce((n, r) => n + r.fr.total + r.en.total, 0);
    expect(passed / total).toBeGreaterThanOrEqual(BARS.abuse);
  });
});
