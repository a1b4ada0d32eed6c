import { confusableLatin } from './confusable-latin.js';
import { HOMOGLYPHS } from './homoglyphs.js';

/** How a folded character takes part in building words. */
export type CharKind = 'letter' | 'digit' | 'symbol' | 'apostrophe' | 'joiner' | 'space' | 'other';

/** What one raw code point becomes for matching; no chars means it vanishes (accents, zero-width). */
export interface FoldedChar {
  readonly chars: readonly string[];
  readonly kinds: readonly CharKind[];
}

const APOSTROPHES = new Set(["'", '’', '‘', 'ʼ', '`', '´', '′']);
/** Separators readers put between single letters to spell a word: "c.o.n", "c-o-n", "c*o*n". */
export const JOINERS = new Set(['.', '-', '_', '*', '·', '•', '/', '|', '+', '~', '‐', '‑', '‒', '–', '—']);
const LEET_SYMBOLS = new Set(['@', '$']);

const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
const MARKS = /\p{M}/gu;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const SPACE = /\s/u;

const VANISHED: FoldedChar = { chars: [], kinds: [] };
const APOSTROPHE: FoldedChar = { chars: ["'"], kinds: ['apostrophe'] };

function kindOf(ch: string): CharKind {
  if (LETTER.test(ch)) return 'letter';
  if (DIGIT.test(ch)) return 'digit';
  if (LEET_SYMBOLS.has(ch)) return 'symbol';
  if (APOSTROPHES.has(ch)) return 'apostrophe';
  if (JOINERS.has(ch)) return 'joiner';
  if (SPACE.test(ch)) return 'space';
  return 'other';
}

function computeFold(cp: number): FoldedChar {
  const ch = String.fromCodePoint(cp);
  if (APOSTROPHES.has(ch)) return APOSTROPHE;
  if (INVISIBLE.test(ch)) return VANISHED;
  const base = ch.normalize('NFKC').toLowerCase().normalize('NFD').replace(MARKS, '');
  const chars: string[] = [];
  for (const c of base) {
    // the hand-made table first (it reads ı as i), then the Unicode confusables table
    const mapped = HOMOGLYPHS[c] ?? confusableLatin(c) ?? c;
    for (const m of mapped) chars.push(m);
  }
  return { chars, kinds: chars.map(kindOf) };
}

const ASCII: FoldedChar[] = Array.from({ length: 128 }, (_, cp) => computeFold(cp));
const memo = new Map<number, FoldedChar>();
// a hostile comment can use many distinct code points: stop memoising rather than grow without bound
const MEMO_LIMIT = 20_000;

/**
 * Folds one code point for matching: NFKC, lowercase, accents dropped, lookalike letters mapped
 * to Latin, invisible characters removed.
 * @example foldCodePoint('É'.codePointAt(0)!).chars // ['e']
 */
export function foldCodePoint(cp: number): FoldedChar {
  if (cp < 128) return ASCII[cp]!;
  let folded = memo.get(cp);
  if (folded === undefined) {
    folded = computeFold(cp);
    if (memo.size < MEMO_LIMIT) memo.set(cp, folded);
  }
  return folded;
}
