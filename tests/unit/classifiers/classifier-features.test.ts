import { describe, expect, it } from 'vitest';
import { cleanTrainingText, repairMojibake } from '../../../training/clean-training-text.js';
import { hashedFeatures } from '../../../workers/scoring/model/hashed-features.js';
import { isIdentityTerm } from '../../../workers/scoring/model/identity-terms.js';
import { LEXICON_FEATURES, lexiconFeatures } from '../../../workers/scoring/model/lexicon-features.js';
import { fitPlatt, rocAuc } from '../../../training/evaluation-metrics.js';
import { TOAD_FR, WORD_LISTS } from '../../../workers/scoring/model/word-lists.js';
import { normalizeForMatching } from '../../../workers/text/normalize.js';

const feature = (raw: string, name: (typeof LEXICON_FEATURES)[number]) =>
  lexiconFeatures(normalizeForMatching(raw), 'fr').values[LEXICON_FEATURES.indexOf(name)];

describe('classifier features', () => {
  it('gives group names no feature of their own, only a placeholder inside word pairs', () => {
    expect(hashedFeatures(normalizeForMatching('islam')).length).toBe(0);
    expect(hashedFeatures(normalizeForMatching('femmes voilées musulmanes')).length).toBe(0);
    const withGroup = hashedFeatures(normalizeForMatching('les Africains'));
    const alone = hashedFeatures(normalizeForMatching('les'));
    expect(withGroup.length).toBeGreaterThan(alone.length);
    // every added feature reads "les" next to the placeholder (the pair, n-grams across the two words)
    for (let i = 0; i < withGroup.length; i++) expect(withGroup.tokenFrom[i]).toBe(0);
    expect(hashedFeatures(normalizeForMatching('les Africains')).index.slice(0, withGroup.length)).toEqual(hashedFeatures(normalizeForMatching('les Maliens')).index.slice(0, withGroup.length));
  });

  it('recognises inflected group names and leaves insults alone', () => {
    for (const word of ['islamistes', 'musulmanes', 'immigrees', 'africains', 'femmes', 'voile', 'france']) expect(isIdentityTerm(word)).toBe(true);
    for (const word of ['connard', 'bete', 'idiot', 'gouvernement']) expect(isIdentityTerm(word)).toBe(false);
  });

  it('keeps common French words and group names out of the npm word lists', () => {
    for (const list of WORD_LISTS) {
      for (const word of ['les', 'pour', 'sale', 'feu', 'chine', 'noir', 'femme', 'juif', 'arabe']) expect(list.words.has(word)).toBe(false);
    }
    expect(TOAD_FR.words.has('connard')).toBe(true);
  });

  it('reads threats, insult frames and spam signals as lexicon features', () => {
    expect(feature('On sait où tu habites', 'threat')).toBeGreaterThanOrEqual(0.85);
    expect(feature("espèce d'abruti", 'insult_frame')).toBeGreaterThan(0);
    expect(feature('une salle comble', 'insult_frame')).toBe(0);
    expect(feature('Appelez le +225 07 12 34 56 78', 'phone')).toBeGreaterThan(0);
    expect(feature('Il a fait beau hier', 'list_any')).toBe(0);
  });

  it('cleans collection artefacts out of training text', () => {
    expect(repairMojibake('compliquÃ© Ã  dire')).toBe('compliqué à dire');
    expect(cleanTrainingText('RT @USER: c&#39;est &amp; LINK')).toBe("c'est &");
  });

  it('measures ROC-AUC with ties and fits a Platt scale that orders like the margins', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(rocAuc([0.5, 0.5], [0, 1])).toBe(0.5);
    const margins = [-3, -2, -1, -0.5, 0.5, 1, 2, 3];
    const { a, b } = fitPlatt(margins, [0, 0, 0, 1, 0, 1, 1, 1]);
    expect(a).toBeGreaterThan(0);
    expect(Math.abs(b)).toBeLessThan(1);
  });
});
