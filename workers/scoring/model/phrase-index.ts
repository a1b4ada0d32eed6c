import { normalizeForMatching, type NormalizedText } from '../../text/normalize.js';
import type { TermMatch } from '../../text/term-matcher.js';

/** A word with letter runs squeezed to one, so "tuer", "tuuer" and "tuuuer" share one key. */
export function keyOf(word: string): string {
  let squeezed = false;
  for (let i = 1; i < word.length; i++) if (word.charCodeAt(i) === word.charCodeAt(i - 1)) squeezed = true;
  if (!squeezed) return word;
  let out = word[0] ?? '';
  for (let i = 1; i < word.length; i++) if (word[i] !== word[i - 1]) out += word[i];
  return out;
}

/** The keys of a text's tokens, computed once and shared by every index. */
export const tokenKeys = (text: NormalizedText): string[] => text.tokens.map((t) => keyOf(t.word));

interface Entry {
  term: number;
  /** Keys of the words after the first; the last may be a prefix (`*` in the term). */
  rest: string[];
  prefixLast: boolean;
  /** The words as written, folded: a double letter written in the term must be in the comment. */
  written: string[];
}

/**
 * Whether a comment word fits a term word as written: a letter written once may be doubled
 * ("tuuer"), a written double stays required, so "nigger" never reads "Niger".
 * @example fitsWritten('niger', 'nigger', false) // false
 */
export function fitsWritten(word: string, written: string, prefix: boolean): boolean {
  let i = 0;
  let j = 0;
  while (j < written.length) {
    const ch = written[j]!;
    let want = 0;
    while (written[j] === ch) (want++, j++);
    let have = 0;
    while (word[i] === ch) (have++, i++);
    if (have < want) return false;
  }
  return prefix || i === word.length;
}

/** Phrases matched word by word from a map of first words: one Map lookup per token instead of a regex scan. */
export interface PhraseIndex {
  match(text: NormalizedText, keys?: readonly string[]): TermMatch[];
}

/**
 * Indexes phrases ("on sait où tu habites", "ringtone*") for whole-word matching on the normalized
 * tokens: longest phrase first at each token, matches do not overlap. A term ending in `*` lets
 * its last word continue. Folding as `normalizeForMatching`, letter floods squeezed.
 * @example phraseIndex(['je vais te tuer']).match(normalizeForMatching('Je vais te tuuuer'))
 */
export function phraseIndex(terms: readonly string[]): PhraseIndex {
  const byFirst = new Map<string, Entry[]>();
  terms.forEach((term, index) => {
    const prefixLast = term.endsWith('*');
    const words = normalizeForMatching(prefixLast ? term.slice(0, -1) : term).tokens.map((t) => keyOf(t.word));
    // "mort aux *": the star is a word of its own, any word
    if (/\s\*$/.test(term)) words.push('');
    if (words.length === 0) return;
    const written = normalizeForMatching(prefixLast ? term.slice(0, -1) : term).tokens.map((t) => t.word);
    const entry: Entry = { term: index, rest: words.slice(1), prefixLast, written };
    const first = words.length === 1 && prefixLast ? `${words[0]}*` : words[0]!;
    const list = byFirst.get(first) ?? [];
    list.push(entry);
    byFirst.set(first, list);
  });
  for (const list of byFirst.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  // one-word prefixes ("crypto*") by their first two letters, so a token checks a handful, not all
  const prefixFirsts = new Map<string, string[]>();
  for (const key of byFirst.keys()) {
    if (!key.endsWith('*')) continue;
    const prefix = key.slice(0, -1);
    const bucket = prefixFirsts.get(prefix.slice(0, 2)) ?? [];
    bucket.push(prefix);
    prefixFirsts.set(prefix.slice(0, 2), bucket);
  }
  return {
    match(text, precomputed) {
      const tokens = text.tokens;
      const keys = precomputed ?? tokenKeys(text);
      const found: TermMatch[] = [];
      for (let t = 0; t < tokens.length; ) {
        let matched: { term: number; last: number } | undefined;
        const candidates = byFirst.get(keys[t]!);
        if (candidates !== undefined) {
          for (const entry of candidates) {
            const last = t + entry.rest.length;
            if (last >= tokens.length) continue;
            let ok = true;
            for (let i = 0; i < entry.rest.length && ok; i++) {
              const key = keys[t + 1 + i]!;
              const want = entry.rest[i]!;
              ok = entry.prefixLast && i === entry.rest.length - 1 ? key.startsWith(want) : key === want;
            }
            for (let i = 0; i < entry.written.length && ok; i++) {
              ok = fitsWritten(tokens[t + i]!.word, entry.written[i]!, entry.prefixLast && i === entry.written.length - 1);
            }
            if (ok) {
              matched = { term: entry.term, last };
              break;
            }
          }
        }
        if (matched === undefined) {
          const prefix = prefixFirsts.get(keys[t]!.slice(0, 2))?.find((p) => keys[t]!.startsWith(p));
          const entry = prefix === undefined ? undefined : byFirst.get(`${prefix}*`)![0]!;
          if (entry !== undefined && fitsWritten(tokens[t]!.word, entry.written[0]!, true)) matched = { term: entry.term, last: t };
        }
        if (matched === undefined) {
          t++;
          continue;
        }
        found.push({ term: matched.term, start: tokens[t]!.start, end: tokens[matched.last]!.end });
        t = matched.last + 1;
      }
      return found;
    },
  };
}
