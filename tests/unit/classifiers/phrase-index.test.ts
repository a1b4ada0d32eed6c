import { describe, expect, it } from 'vitest';
import { fitsWritten, phraseIndex } from '../../../workers/scoring/model/phrase-index.js';
import { builtInScorer } from '../../../workers/scoring/model/linear-scorer.js';
import { normalizeForMatching } from '../../../workers/text/normalize.js';

const matches = (terms: string[], text: string) => phraseIndex(terms).match(normalizeForMatching(text)).length;

describe('phrase index', () => {
  it('keeps a double letter written in the term required, so a slur never matches a country', () => {
    expect(matches(['nigger*'], 'Le Niger et le Nigeria sont voisins.')).toBe(0);
    expect(matches(['nigger*'], 'Les soldats nigériens patrouillent.')).toBe(0);
    expect(matches(['nigger*'], 'sale niggers')).toBe(1);
  });

  it('still reads a letter written once when the reader doubles it', () => {
    expect(matches(['je vais te tuer'], 'Je vais te tuuuer')).toBe(1);
    expect(fitsWritten('tuuer', 'tuer', false)).toBe(true);
    expect(fitsWritten('niger', 'nigger', true)).toBe(false);
  });

  it('no longer scores the names of Niger and Nigeria as an identity attack', () => {
    for (const text of ['Le Niger et le Nigeria sont voisins.', "L'AES réunit le Mali, le Burkina Faso et le Niger."]) {
      const { scores } = builtInScorer.score(normalizeForMatching(text), 'fr');
      // on the moderators'-budget scale (hold 0.5), ordinary sentences score about 0.2–0.3
      expect(scores.identity_attack).toBeLessThan(0.25);
      expect(scores.toxicity).toBeLessThan(0.35);
    }
  });
});
