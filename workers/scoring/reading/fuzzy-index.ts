/**
 * Finds the vocabulary word a misspelt word stands for, one edit away: a letter deleted
 * ("cafrds"), two neighbours swapped ("caafrds"), a letter doubled ("tueer"). Every
 * vocabulary word is indexed under itself, its one-letter deletions and its swaps, so a lookup
 * costs one Map read per deletion of the word (SymSpell's idea), not a distance per word.
 */
export interface FuzzyIndex {
  /** The vocabulary word `word` is one edit from, if exactly one such word exists. */
  lookup(word: string): string | undefined;
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

function swaps(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] !== word[i + 1]) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return out;
}

/**
 * Indexes words of at least `minLength` letters.
 * @example fuzzyIndex(['cafards']).lookup('cafrds') // 'cafards'
 */
export function fuzzyIndex(vocabulary: Iterable<string>, minLength = 5): FuzzyIndex {
  // key → the first vocabulary word indexed under it: the vocabulary lists the surest signals first
  const byKey = new Map<string, string>();
  const exact = new Set<string>();
  const add = (key: string, word: string) => {
    if (!byKey.has(key)) byKey.set(key, word);
  };
  for (const word of vocabulary) {
    if (word.length < minLength || word.includes(' ')) continue;
    exact.add(word);
    for (const key of [...deletions(word), ...swaps(word)]) add(key, word);
  }
  return {
    lookup(word) {
      if (exact.has(word) || word.length < minLength - 1) return undefined;
      // a letter deleted or two swapped: the word is one of the keys
      const direct = byKey.get(word);
      if (direct) return direct;
      // a letter doubled: removing one of a pair gives a vocabulary word ("tueer", "vermmin")
      for (let i = 1; i < word.length; i++) {
        if (word[i] !== word[i - 1]) continue;
        const d = word.slice(0, i) + word.slice(i + 1);
        if (exact.has(d)) return d;
      }
      return undefined;
    },
  };
}
