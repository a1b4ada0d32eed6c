import { JOINERS, type CharKind } from './fold-char.js';

/** One folded character and the raw range [rawStart, rawEnd) it came from. */
export interface Unit {
  ch: string;
  kind: CharKind;
  rawStart: number;
  rawEnd: number;
}

/** A run of word characters and the separator text that came before it. */
export interface RawWord {
  units: Unit[];
  gap: string;
}

/** French elided words dropped before the apostrophe: "t'es" reads "es", "qu'il" reads "il". */
const ELISIONS = new Set(['l', 't', 'j', 'd', 'n', 's', 'm', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu']);

const isWordKind = (kind: CharKind | undefined) => kind === 'letter' || kind === 'digit' || kind === 'symbol';
const textOf = (units: readonly Unit[]) => units.map((u) => u.ch).join('');

/** Splits folded characters into words, dropping French elisions and joining contractions ("don't" → "dont"). */
export function splitWords(units: readonly Unit[]): RawWord[] {
  const words: RawWord[] = [];
  let current: Unit[] = [];
  let gap = '';
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (isWordKind(unit.kind)) {
      current.push(unit);
      continue;
    }
    if (unit.kind === 'apostrophe' && current.length > 0 && isWordKind(units[i + 1]?.kind)) {
      if (ELISIONS.has(textOf(current))) {
        current = [];
        gap = "'";
      }
      continue;
    }
    if (current.length > 0) {
      words.push({ units: current, gap });
      current = [];
      gap = '';
    }
    gap += unit.ch;
  }
  if (current.length > 0) words.push({ units: current, gap });
  return words;
}

type Spacer = 'space' | 'joiner';

function spacerOf(gap: string): Spacer | undefined {
  if (gap.length === 0 || gap.length > 3) return undefined;
  const trimmed = gap.trim();
  if (trimmed === '') return 'space';
  return trimmed.length === 1 && JOINERS.has(trimmed) ? 'joiner' : undefined;
}

const isSingle = (w: RawWord) => w.units.length === 1;

/**
 * Joins letters spelled apart into one word: "c o n n a r d", "c.o.n", "f-d-p".
 * Spaces need three letters so everyday "y a" or "à 5 h" stay apart; dots or dashes need two.
 */
export function joinSpacedLetters(words: readonly RawWord[]): RawWord[] {
  const out: RawWord[] = [];
  let i = 0;
  while (i < words.length) {
    if (!isSingle(words[i]!)) {
      out.push(words[i++]!);
      continue;
    }
    let j = i + 1;
    let allJoiners = true;
    for (; j < words.length && isSingle(words[j]!); j++) {
      const spacer = spacerOf(words[j]!.gap);
      if (spacer === undefined) break;
      if (spacer === 'space') allJoiners = false;
    }
    const run = words.slice(i, j);
    const letters = run.filter((w) => w.units[0]!.kind === 'letter').length;
    const joins = run.length >= 2 && (letters >= 3 || (allJoiners && letters >= 1));
    if (joins) out.push({ units: run.flatMap((w) => w.units), gap: run[0]!.gap });
    else out.push(...run);
    i = j;
  }
  return out;
}
