import { describe, expect, it } from 'vitest';
import { groupAt, IDENTITY_FORM_COUNT, isGroupWord, isPlaceWord } from '../../../workers/scoring/identity/identity-lexicon.js';
import { IDENTITY_GROUPS } from '../../../workers/scoring/identity/identity-groups.js';
import { policySchema } from '../../../core/sites/policy.js';
import { normalizeForMatching } from '../../../workers/text/normalize.js';

const words = (raw: string) => normalizeForMatching(raw).tokens.map((t) => t.word);
const groupsIn = (raw: string, terms: string[] = []) => {
  const w = words(raw);
  const ids: string[] = [];
  for (let i = 0; i < w.length; i++) {
    const g = groupAt(w, i, terms);
    if (g) (ids.push(g.id), (i = g.end - 1));
  }
  return ids;
};

describe('the identity-group lexicon', () => {
  it('knows the peoples of the Sahel in their singular, plural and feminine forms', () => {
    for (const form of ['peul', 'peule', 'peuls', 'peulhs', 'touareg', 'touaregues', 'dogons', 'bambaras', 'songhais', 'soninkes', 'haoussas', 'mossis', 'wolofs', 'nigeriennes']) {
      expect(isGroupWord(form), form).toBe(true);
    }
    expect(IDENTITY_GROUPS.map((g) => g.kind)).toEqual(expect.arrayContaining(['people', 'nationality', 'religion', 'race', 'sex_gender', 'orientation', 'disability', 'migration']));
    expect(IDENTITY_FORM_COUNT).toBeGreaterThan(800);
  });

  it('reads multi-word groups and leaves colours and roles alone', () => {
    expect(groupsIn('les personnes handicapées et les gens du voyage')).toEqual(['disabled', 'roma']);
    expect(groupsIn('un drapeau noir et les hommes politiques')).toEqual([]);
    expect(groupsIn('les Noirs et les femmes')).toEqual(['black', 'women']);
  });

  it('keeps places apart from groups', () => {
    expect(isPlaceWord('niger')).toBe(true);
    expect(isGroupWord('niger')).toBe(false);
  });

  it('takes a site’s own group words from its policy, validated', () => {
    expect(groupsIn('les Koroboros du quartier', ['Koroboros'])).toEqual(['site:koroboros']);
    expect(policySchema.parse({ groupTerms: ['  Koroboros '] }).groupTerms).toEqual(['Koroboros']);
    expect(policySchema.safeParse({ groupTerms: ['12'] }).success).toBe(false);
    expect(policySchema.safeParse({ groupTerms: Array.from({ length: 501 }, (_, i) => `groupe${i}`) }).success).toBe(false);
  });
});
