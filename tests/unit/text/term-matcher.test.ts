import { describe, expect, it } from 'vitest';
import { normalizeForMatching, toRawSpan } from '../../../workers/text/normalize.js';
import { compileTerms, termMatcherFor } from '../../../workers/text/term-matcher.js';

/** The raw words a list matches in a comment, with the list entry that matched them. */
function found(terms: string[], raw: string): Array<[string, string]> {
  const text = normalizeForMatching(raw);
  return compileTerms(terms)
    .match(text)
    .map((m) => {
      const span = toRawSpan(text, m.start, m.end);
      return [terms[m.term]!, raw.slice(span.start, span.end)];
    });
}

describe('compileTerms', () => {
  it('matches whole words only, so "con" does not match "content" or "conseil"', () => {
    expect(found(['con'], 'Ce contenu du conseil est con.')).toEqual([['con', 'con']]);
  });

  it('ignores case and accents on both sides', () => {
    expect(found(['crétin'], 'Quel CRETIN')).toEqual([['crétin', 'CRETIN']]);
    expect(found(['cretin'], 'Quel crétin')).toEqual([['cretin', 'crétin']]);
  });

  it('treats * as any letters, so "idiot*" matches "idiots" and "idiote"', () => {
    expect(found(['idiot*'], 'Les idiots et cette idiote, pas idéal')).toEqual([
      ['idiot*', 'idiots'],
      ['idiot*', 'idiote'],
    ]);
  });

  it('treats a lone * between words as any one word', () => {
    expect(found(['nique ta *'], 'NIQUE TA RACE')).toEqual([['nique ta *', 'NIQUE TA RACE']]);
  });

  it('matches multi-word entries across extra spaces and punctuation', () => {
    expect(found(['nique ta mère'], 'nique   ta... mère')).toEqual([['nique ta mère', 'nique   ta... mère']]);
  });

  it('catches obfuscated spellings because the entry is folded like the comment', () => {
    expect(found(['connard'], 'c0nn4rd, c.o.n.n.a.r.d et connnnnnard')).toEqual([
      ['connard', 'c0nn4rd'],
      ['connard', 'c.o.n.n.a.r.d'],
      ['connard', 'connnnnnard'],
    ]);
  });

  it('lets a letter written once match a flood of it, but never drops a written double', () => {
    expect(found(['fuck'], 'fuuuuuuck')).toEqual([['fuck', 'fuuuuuuck']]);
    expect(found(['nigger', 'ass'], 'Le Niger, as de pique')).toEqual([]);
  });

  it('prefers the longest entry at one position', () => {
    expect(found(['fuck', 'fuck you'], 'fuck you')).toEqual([['fuck you', 'fuck you']]);
  });

  it('ignores entries with no letters or digits, such as a lone *', () => {
    expect(found(['*', '!!!', ' '], 'tout va bien')).toEqual([]);
  });

  it('applies French elision rules to entries too', () => {
    expect(found(["gagnez de l'argent"], 'Gagnez de L’ARGENT')).toEqual([["gagnez de l'argent", 'Gagnez de L’ARGENT']]);
  });
});

describe('termMatcherFor', () => {
  it('reuses the compiled list for the same array and for an equal list', () => {
    const list = ['idiot*', 'con'];
    const first = termMatcherFor(list);
    expect(termMatcherFor(list)).toBe(first);
    expect(termMatcherFor([...list])).toBe(first);
  });

  it('compiles again when the list changes', () => {
    const before = termMatcherFor(['idiot*']);
    const after = termMatcherFor(['idiot*', 'abruti']);
    expect(after).not.toBe(before);
    expect(after.match(normalizeForMatching('abruti'))).toHaveLength(1);
  });
});
