import type { NormalizedText, Token } from '../../text/normalize.js';
import type { ReadWord } from '../severe-harm/read-sentences.js';
import { fuzzyIndex } from './fuzzy-index.js';
import { COMMON_WORDS } from './common-words.js';
import { isProtectedWord, SEGMENT_WORDS, SIGNAL_PHRASES, SIGNAL_WORDS } from './signal-words.js';
import { isGroupWord, isPlaceWord } from '../identity/identity-lexicon.js';
import { isDictionaryWord } from './dictionary-guard.js';

/** A word as read, and whether reading it took undoing an obfuscation. */
export interface RepairedWord extends ReadWord {
  repaired: boolean;
}

/** One-edit misspellings of signal words (exported for the guard's build script). */
export const FUZZY = fuzzyIndex(SIGNAL_WORDS, 4);
const MAX_PIECES = 4;
// a capital then letters (a name) or two capitals (an acronym)
const NAME_OR_ACRONYM = /^(?:\p{Lu}\p{Ll}|\p{Lu}{2})/u;
const MIN_GLUED = 5;

const asIs = (t: Token): RepairedWord => ({ word: t.word, rawStart: t.rawStart, rawEnd: t.rawEnd, repaired: false });

/** Raw span of the letters [from, to) of a token, through the normalized text's map back to the raw text. */
function rawSpanOf(text: NormalizedText, t: Token, from: number, to: number): { rawStart: number; rawEnd: number } {
  return { rawStart: text.rawStarts[t.start + from]!, rawEnd: text.rawEnds[t.start + to - 1]! };
}

/**
 * "fermetagueule" → ferme ta gueule, "jevaistetuer" → je vais te tuer: the fewest known words
 * that spell the token, one of them a signal word. Undefined when no such split exists.
 */
export function splitGlued(word: string): string[] | undefined {
  const n = word.length;
  const best: Array<string[] | undefined> = new Array(n + 1);
  best[0] = [];
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - 20); start < end; start++) {
      const before = best[start];
      if (before === undefined || before.length >= MAX_PIECES) continue;
      const piece = word.slice(start, end);
      if (piece.length < 2 || !SEGMENT_WORDS.has(piece)) continue;
      const candidate = [...before, piece];
      if (best[end] === undefined || candidate.length < best[end]!.length) best[end] = candidate;
    }
  }
  const pieces = best[n];
  if (pieces === undefined || pieces.length < 2) return undefined;
  const phrase = pieces.join(' ');
  return pieces.some((p) => SIGNAL_WORDS.has(p) && p.length >= 4) || SIGNAL_PHRASES.some((s) => phrase.includes(s)) ? pieces : undefined;
}

/**
 * The words of a comment as the reader meant them, obfuscation undone, each with the raw span
 * the reader typed: split letters joined ("caf ards", "tu er"), glued words split
 * ("fermetagueule"), and one-edit misspellings of a signal word read back ("cafrds", "teur").
 * Places, group names and everyday words are never rewritten.
 */
export function repairWords(text: NormalizedText): RepairedWord[] {
  const tokens = text.tokens;
  const out: RepairedWord[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const word = t.word;
    if (SIGNAL_WORDS.has(word) || isProtectedWord(word)) {
      // "tu er" → "tuer": pieces that spell a signal word, unless both are everyday words ("tu es")
      const joined = joinAhead(tokens, i);
      if (joined) {
        out.push(joined.word);
        i = joined.last;
      } else {
        out.push(asIs(t));
      }
      continue;
    }
    const joined = joinAhead(tokens, i);
    if (joined) {
      out.push(joined.word);
      i = joined.last;
      continue;
    }
    // a real French or English word is what it says: "gorge" is no misspelt "égorge", "député" no "de pute"
    if (isDictionaryWord(word)) {
      out.push(asIs(t));
      continue;
    }
    // a name or an acronym ("Moura", "AES") is not a misspelling
    const written = text.raw.slice(t.rawStart, t.rawEnd);
    if (NAME_OR_ACRONYM.test(written) && t.rawStart > 0) {
      out.push(asIs(t));
      continue;
    }
    const fuzzy = FUZZY.lookup(word);
    if (fuzzy !== undefined) {
      out.push({ word: fuzzy, rawStart: t.rawStart, rawEnd: t.rawEnd, repaired: true });
      continue;
    }
    const pieces = word.length >= MIN_GLUED ? splitGlued(word) : undefined;
    if (pieces) {
      let at = 0;
      for (const piece of pieces) {
        out.push({ word: piece, ...rawSpanOf(text, t, at, at + piece.length), repaired: true });
        at += piece.length;
      }
      continue;
    }
    out.push(asIs(t));
  }
  return out;
}

/** Joins tokens i, i+1 (and i+2) when together they spell a signal word and are not all everyday words. */
function joinAhead(tokens: readonly Token[], i: number): { word: RepairedWord; last: number } | undefined {
  // "Mali en" is not "malien": a place or a group name stays whole
  if (isPlaceWord(tokens[i]!.word) || isGroupWord(tokens[i]!.word)) return undefined;
  let spelled = tokens[i]!.word;
  let allCommon = COMMON_WORDS.has(spelled) || SIGNAL_WORDS.has(spelled);
  for (let j = i + 1; j < Math.min(tokens.length, i + 3); j++) {
    const next = tokens[j]!.word;
    spelled += next;
    allCommon &&= COMMON_WORDS.has(next) || SIGNAL_WORDS.has(next);
    if (!allCommon && spelled.length >= 4 && SIGNAL_WORDS.has(spelled)) {
      return { word: { word: spelled, rawStart: tokens[i]!.rawStart, rawEnd: tokens[j]!.rawEnd, repaired: true }, last: j };
    }
  }
  return undefined;
}
