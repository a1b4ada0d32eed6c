import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForMatching, toRawSpan } from '../../../workers/text/normalize.js';

const words = (raw: string) => normalizeForMatching(raw).tokens.map((t) => t.word);
const rawOfTokens = (raw: string) => normalizeForMatching(raw).tokens.map((t) => raw.slice(t.rawStart, t.rawEnd));

describe('normalizeForMatching', () => {
  it('folds case and accents, including ligatures such as œ and ç', () => {
    expect(normalizeForMatching('Œuvre ÉCOLE Ça façade naïve').text).toBe('oeuvre ecole ca facade naive');
  });

  it('folds decomposed accents and keeps them inside the raw span', () => {
    const raw = 'e\u0301te\u0301 ici';
    const n = normalizeForMatching(raw);
    expect(n.text).toBe('ete ici');
    expect(rawOfTokens(raw)[0]).toBe(raw.slice(0, 5));
  });

  it('applies NFKC so full-width and mathematical letters read as plain letters', () => {
    expect(words('ｃｏｎｎａｒｄ 𝐜𝐨𝐧 ﬁn')).toEqual(['connard', 'con', 'fin']);
  });

  it('removes zero-width and other invisible characters inside words', () => {
    expect(words('con\u200bnard co\u00adn\u2060ne i\ufeffdiot')).toEqual(['connard', 'conne', 'idiot']);
  });

  it('reads Cyrillic and Greek lookalike letters as Latin letters', () => {
    expect(words('соnnаrd ΙDΙΟΤ рuте')).toEqual(['connard', 'idiot', 'pute']);
  });

  it('reads leetspeak inside words that contain letters', () => {
    expect(words('c0nn4rd 1d10t $@l0p3 5h17')).toEqual(['connard', 'idiot', 'salope', 'shit']);
  });

  it('leaves numbers alone when a word has no letters', () => {
    expect(words('En 2024, 3 000 personnes ont payé 150 $')).toEqual(['en', '2024', '3', '000', 'personnes', 'ont', 'paye', '150']);
  });

  it('squeezes a letter repeated three times or more to two', () => {
    expect(words('connnnnard fuuuuuck nuuuul')).toEqual(['connard', 'fuuck', 'nuul']);
  });

  it('keeps real double letters so that Niger does not read as a slur', () => {
    expect(words('Niger connard nigggger')).toEqual(['niger', 'connard', 'nigger']);
  });

  it('joins letters spelled apart with spaces, dots or dashes into one word', () => {
    expect(words('c o n n a r d')).toEqual(['connard']);
    expect(words('c.o.n.n.a.r.d')).toEqual(['connard']);
    expect(words('c-o-n')).toEqual(['con']);
    expect(words('p.d')).toEqual(['pd']);
    expect(words('t es un c o n !')).toEqual(['t', 'es', 'un', 'con']);
  });

  it('does not join everyday single letters such as "il y a" or "à 5 h"', () => {
    expect(words('il y a 3 jours à 5 h')).toEqual(['il', 'y', 'a', '3', 'jours', 'a', '5', 'h']);
  });

  it('splits off French elisions so "t\'es" reads "es" and "qu\'il" reads "il"', () => {
    expect(words("t'es l’idiot qu'il j'ai d'accord n'est s'il m'a c'est jusqu'où")).toEqual([
      'es', 'idiot', 'il', 'ai', 'accord', 'est', 'il', 'a', 'est', 'ou',
    ]);
  });

  it('keeps English contractions and "aujourd\'hui" as one word', () => {
    expect(words("don't aujourd'hui I'll")).toEqual(['dont', 'aujourdhui', 'ill']);
  });

  it('drops punctuation and emoji and joins words with single spaces', () => {
    const n = normalizeForMatching('  Bravo !!! 👏👏 Très   bien…  ');
    expect(n.text).toBe('bravo tres bien');
    expect(n.tokens.map((t) => n.text.slice(t.start, t.end))).toEqual(['bravo', 'tres', 'bien']);
  });

  it('gives no tokens for a comment of punctuation and emoji only', () => {
    expect(normalizeForMatching('!!! 👍🔥 ...').tokens).toEqual([]);
    expect(normalizeForMatching('').text).toBe('');
  });

  it('maps each token back to exactly what the reader wrote', () => {
    const raw = "T'es un C.0.N.N.A.R.D, соnnаrd et con\u200bnard !";
    expect(rawOfTokens(raw)).toEqual(['es', 'un', 'C.0.N.N.A.R.D', 'соnnаrd', 'et', 'con\u200bnard']);
  });

  it('maps a normalized range spanning several words to one raw span', () => {
    const raw = 'Nique   ta MÈRE !';
    const n = normalizeForMatching(raw);
    const span = toRawSpan(n, 0, n.text.length);
    expect(raw.slice(span.start, span.end)).toBe('Nique   ta MÈRE');
  });

  it('maps a squeezed letter flood back to the whole flood', () => {
    const raw = 'connnnnnard';
    const n = normalizeForMatching(raw);
    expect(toRawSpan(n, 0, n.text.length)).toEqual({ start: 0, end: raw.length });
  });

  it('refuses a range outside the normalized text', () => {
    const n = normalizeForMatching('abc');
    expect(() => toRawSpan(n, 0, 4)).toThrow(RangeError);
    expect(() => toRawSpan(n, 2, 2)).toThrow(RangeError);
  });

  it('keeps the offset map consistent for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (raw) => {
        const n = normalizeForMatching(raw);
        expect(n.rawStarts.length).toBe(n.text.length);
        expect(n.tokens.map((t) => t.word).join(' ')).toBe(n.text);
        for (const t of n.tokens) {
          expect(n.text.slice(t.start, t.end)).toBe(t.word);
          expect(0 <= t.rawStart && t.rawStart < t.rawEnd && t.rawEnd <= raw.length).toBe(true);
          expect(toRawSpan(n, t.start, t.end)).toEqual({ start: t.rawStart, end: t.rawEnd });
        }
      }),
    );
  });

  it('leaves no punctuation, accents, invisible characters or stray spaces for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (raw) => {
        const { text } = normalizeForMatching(raw);
        expect(text).not.toMatch(/\p{P}|\p{M}|\p{Default_Ignorable_Code_Point}|^ | $| {2}/u);
      }),
    );
  });
});
