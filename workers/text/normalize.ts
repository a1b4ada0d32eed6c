import type { Span } from '../../protocol/reason.js';
import { foldCodePoint } from './fold-char.js';
import { LEET } from './leet.js';
import { joinSpacedLetters, splitWords, type Unit } from './split-words.js';

/** One word of the normalized text. */
export interface Token {
  /** Folded form, e.g. `connard` for `C.0.N.N.A.R.D`. */
  word: string;
  /** [start, end) in `NormalizedText.text`. */
  start: number;
  end: number;
  /** [rawStart, rawEnd) in the raw comment, covering everything the word was read from. */
  rawStart: number;
  rawEnd: number;
}

/** A comment folded for matching, with a way back to what the reader wrote. */
export interface NormalizedText {
  /** The comment exactly as written. */
  raw: string;
  /** Folded words joined by single spaces: no case, accents, punctuation or obfuscation. */
  text: string;
  tokens: readonly Token[];
  /** For each UTF-16 unit of `text`, the raw offset where its source starts. */
  rawStarts: Readonly<Uint32Array>;
  /** For each UTF-16 unit of `text`, the raw offset where its source ends. */
  rawEnds: Readonly<Uint32Array>;
}

function foldUnits(raw: string): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < raw.length; ) {
    const cp = raw.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    const folded = foldCodePoint(cp);
    if (folded.chars.length === 0) {
      // an accent or zero-width character belongs to the character before it, so spans include it
      const last = units[units.length - 1];
      if (last !== undefined && last.rawEnd === i) last.rawEnd = i + size;
    }
    for (let k = 0; k < folded.chars.length; k++) {
      units.push({ ch: folded.chars[k]!, kind: folded.kinds[k]!, rawStart: i, rawEnd: i + size });
    }
    i += size;
  }
  return units;
}

/** Reads leetspeak in words that have letters, and squeezes runs of 3+ identical letters to 2. */
function foldWord(units: readonly Unit[]): Unit[] {
  const hasLetter = units.some((u) => u.kind === 'letter');
  const out: Unit[] = [];
  for (const unit of units) {
    let u = unit;
    if (u.kind !== 'letter') {
      const leet = hasLetter ? LEET[u.ch] : undefined;
      if (leet !== undefined) u = { ...u, ch: leet, kind: 'letter' };
      else if (u.kind === 'symbol') continue; // a lone @ or $ is punctuation
    }
    const n = out.length;
    // squeeze to two, not one: French words have real double letters ("connard"), "Niger" must not read "nigger"
    if (u.kind === 'letter' && n >= 2 && out[n - 1]!.ch === u.ch && out[n - 2]!.ch === u.ch) {
      out[n - 1] = { ...out[n - 1]!, rawEnd: u.rawEnd };
      continue;
    }
    out.push(u);
  }
  return out;
}

/**
 * Folds a comment once for every text check: NFKC, lowercase, no accents, no invisible
 * characters, lookalike letters and leetspeak read as Latin letters, spelled-out letters
 * joined, letter floods squeezed, French elisions split off. Keeps a map back to raw offsets.
 * @example normalizeForMatching("T'es un C.0.N.N.A.R.D !").text // 'es un connard'
 */
export function normalizeForMatching(raw: string): NormalizedText {
  const words = joinSpacedLetters(splitWords(foldUnits(raw)))
    .map((word) => foldWord(word.units))
    .filter((units) => units.length > 0);
  // sized up front: typed arrays filled in place cost far less than number arrays grown by push
  let length = Math.max(0, words.length - 1);
  for (const units of words) for (const u of units) length += u.ch.length;
  const rawStarts = new Uint32Array(length);
  const rawEnds = new Uint32Array(length);
  const tokens: Token[] = [];
  let at = 0;
  for (const units of words) {
    const previous = tokens[tokens.length - 1];
    if (previous !== undefined) {
      rawStarts[at] = previous.rawEnd;
      rawEnds[at] = units[0]!.rawStart;
      at++;
    }
    const start = at;
    let folded = '';
    for (const u of units) {
      folded += u.ch;
      for (let k = 0; k < u.ch.length; k++, at++) {
        rawStarts[at] = u.rawStart;
        rawEnds[at] = u.rawEnd;
      }
    }
    const rawStart = units[0]!.rawStart;
    tokens.push({ word: folded, start, end: at, rawStart, rawEnd: units[units.length - 1]!.rawEnd });
  }
  const text = tokens.map((t) => t.word).join(' ');
  return { raw, text, tokens, rawStarts, rawEnds };
}

/**
 * Maps a range [start, end) of `normalized.text` to the raw span the reader wrote.
 * @example toRawSpan(normalizeForMatching('c.o.n'), 0, 3) // { start: 0, end: 5 }
 */
export function toRawSpan(normalized: NormalizedText, start: number, end: number): Span {
  if (!(start >= 0 && start < end && end <= normalized.text.length)) {
    throw new RangeError(`invalid normalized range [${start}, ${end}) for length ${normalized.text.length}`);
  }
  return { start: normalized.rawStarts[start]!, end: normalized.rawEnds[end - 1]! };
}
