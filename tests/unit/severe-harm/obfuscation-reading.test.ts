import { describe, expect, it } from 'vitest';
import { fuzzyIndex } from '../../../workers/scoring/reading/fuzzy-index.js';
import { readComment } from '../../../workers/scoring/reading/read-comment.js';
import { readingGuardWords } from '../../../training/reading-guard-words.js';
import { normalizeForMatching } from '../../../workers/text/normalize.js';
import guard from '../../../workers/scoring/reading/dictionary-guard.json' with { type: 'json' };

const read = (raw: string) => readComment(normalizeForMatching(raw)).words.map((w) => w.word).join(' ');

describe('reading obfuscated words', () => {
  it('reads a deleted, swapped or doubled letter back', () => {
    const index = fuzzyIndex(['cafards', 'tuer'], 4);
    expect(['cafrds', 'caafrds', 'cafaards', 'tuuer', 'teur'].map((w) => index.lookup(w))).toEqual(['cafards', 'cafards', 'cafards', 'tuer', 'tuer']);
  });

  it('splits glued words and joins split ones', () => {
    expect(read('fermetagueule')).toBe('ferme ta gueule');
    expect(read('Les Peuls sont des caf ards')).toBe('les peuls sont des cafards');
    expect(read('je vais tetuer')).toBe('je vais te tuer');
  });

  it('leaves ordinary words, names and acronyms as they are', () => {
    for (const raw of ['la gorge', 'le député', 'à Moura', 'l’AES', 'tu es', 'le Mali en finale', 'Niger']) {
      expect(readComment(normalizeForMatching(raw)).repaired, raw).toBe(false);
    }
  });

  it('ships a dictionary guard that matches the lexicons (run npm run build:reading-guard after changing them)', () => {
    expect(guard.words).toEqual(readingGuardWords());
  }, 60_000);
});
