import { normalizeForMatching, type NormalizedText } from './normalize.js';

/** One occurrence of a term: which term (index in the list) and where, in normalized offsets. */
export interface TermMatch {
  term: number;
  start: number;
  end: number;
}

/** A word list compiled into one RegExp over `NormalizedText.text`. */
export interface TermMatcher {
  readonly terms: readonly string[];
  /** Non-overlapping whole-word matches, left to right; at one position the longest term wins. */
  match(text: NormalizedText): TermMatch[];
}

const LETTER = /\p{L}/u;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const WILDCARD = '[^ ]*';

/** A letter written once also matches twice ("fuuuuck" squeezes to "fuuck"); a written double stays required. */
function elasticWord(word: string): string {
  const chars = [...word];
  let source = '';
  for (let i = 0; i < chars.length; ) {
    let j = i + 1;
    while (chars[j] === chars[i]) j++;
    const ch = escapeRegExp(chars[i]!);
    source += j - i === 1 && LETTER.test(chars[i]!) ? `${ch}{1,2}` : ch.repeat(j - i);
    i = j;
  }
  return source;
}

/** The regex source of one list entry, folded like comments are, or undefined if it has no letters or digits. */
export function termSource(term: string): string | undefined {
  const pieces = term.split('*');
  let literal = false;
  const sources = pieces.map((piece, k) => {
    const words = normalizeForMatching(piece).tokens.map((t) => elasticWord(t.word));
    if (words.length > 0) literal = true;
    let source = words.join(' ');
    // a space next to a wildcard decides whether `*` stands for a whole word or the end of one
    if (k > 0 && /^\s/.test(piece)) source = ` ${source}`;
    if (k < pieces.length - 1 && /\s$/.test(piece) && words.length > 0) source += ' ';
    return source.replace(/ {2,}/g, ' ');
  });
  return literal ? sources.join(WILDCARD) : undefined;
}

/**
 * Compiles a word list: case-, accent- and obfuscation-insensitive, whole words only
 * ("con" does not match "content"), `*` matches any letters ("idiot*" matches "idiote").
 * @example compileTerms(['idiot*']).match(normalizeForMatching('Quelle idiote'))
 */
export function compileTerms(terms: readonly string[]): TermMatcher {
  const alternatives: Array<{ source: string; term: number }> = [];
  terms.forEach((term, index) => {
    const source = termSource(term);
    if (source !== undefined) alternatives.push({ source, term: index });
  });
  if (alternatives.length === 0) return { terms, match: () => [] };
  // longest literal first so that "fuck you" wins over "fuck", and "coon" over an elastic "con"
  const literalLength = (source: string) => source.replaceAll('{1,2}', '').replaceAll(WILDCARD, '').length;
  alternatives.sort((a, b) => literalLength(b.source) - literalLength(a.source));
  // one capture group per term tells which one matched without a second pass
  const body = alternatives.map((a) => `(${a.source})`).join('|');
  const pattern = new RegExp(`(?<![^ ])(?:${body})(?![^ ])`, 'gu');
  return {
    terms,
    match(text) {
      const found: TermMatch[] = [];
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text.text); m !== null; m = pattern.exec(text.text)) {
        if (m[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        let group = 1;
        while (m[group] === undefined) group++;
        found.push({ term: alternatives[group - 1]!.term, start: m.index, end: m.index + m[0].length });
      }
      return found;
    },
  };
}

const byList = new WeakMap<readonly string[], TermMatcher>();
const byContents = new Map<string, TermMatcher>();
// sites' lists change rarely: a few dozen compiled lists cover every site a worker sees
const CACHE_LIMIT = 64;

/** `compileTerms` with a cache keyed by the list's contents, for site word lists loaded per job. */
export function termMatcherFor(terms: readonly string[]): TermMatcher {
  const known = byList.get(terms);
  if (known !== undefined) return known;
  const key = terms.join('\u0000');
  let matcher = byContents.get(key);
  if (matcher === undefined) {
    matcher = compileTerms(terms);
    if (byContents.size >= CACHE_LIMIT) byContents.delete(byContents.keys().next().value!);
    byContents.set(key, matcher);
  } else {
    // refresh its place so the least recently used list is the one evicted
    byContents.delete(key);
    byContents.set(key, matcher);
  }
  byList.set(terms, matcher);
  return matcher;
}
