import { groupAt, type GroupMention } from '../identity/identity-lexicon.js';
import { predicateOf, verbOf, type PredicateSense, type VerbSense } from './severe-lexicon.js';

/** One word as the reader meant it, with the raw range they typed (an obfuscated spelling is already read back). */
export interface ReadWord {
  word: string;
  rawStart: number;
  rawEnd: number;
}

/** A word of a sentence with everything the severe-harm rules ask about it. */
export interface Word extends ReadWord {
  /** Folded elided clitic before it in the raw text ("qu" of "qu'on", "l" of "l'abattre"), or "". */
  elided: string;
  /** Inside « », “ ” or "…" quotation marks. */
  quoted: boolean;
  /** Written with a capital letter though not the first word: a name. */
  capital: boolean;
  /** Raw separator before it contains "=" or ":" ("Peuls = vermine"). */
  equals: boolean;
  /** Raw separator before it contains a comma. */
  comma: boolean;
  verb: VerbSense | undefined;
  predicate: PredicateSense | undefined;
  group: GroupMention | undefined;
}

export interface Sentence {
  words: Word[];
}

const SENTENCE_END = /[.!?;\n…]/u;
const ELIDED = /(qu|jusqu|lorsqu|puisqu|l|t|j|n|s|m|d|c)['’ʼ`´]\s*$/iu;
const UPPER = /^\p{Lu}/u;

/**
 * Splits read words into sentences on . ! ? ; and line breaks, and annotates every word once:
 * quotation, elided clitic, capital, violent verb, dehumanising predicate, group named there.
 */
export function readSentences(raw: string, read: readonly ReadWord[], siteTerms: readonly string[]): Sentence[] {
  const sentences: Sentence[] = [];
  let current: Word[] = [];
  let quoted = false;
  let straightQuote = false;
  let previousEnd = 0;
  const allWords = read.map((w) => w.word);
  read.forEach((w, index) => {
    const gap = raw.slice(previousEnd, w.rawStart);
    previousEnd = w.rawEnd;
    for (const ch of gap) {
      if (ch === '«' || ch === '“') quoted = true;
      else if (ch === '»' || ch === '”') quoted = false;
      else if (ch === '"') quoted = straightQuote = !straightQuote;
    }
    if (SENTENCE_END.test(gap) && current.length > 0) {
      sentences.push({ words: current });
      current = [];
    }
    const group = groupAt(allWords, index, siteTerms);
    current.push({
      ...w,
      elided: ELIDED.exec(gap)?.[1]?.toLowerCase() ?? '',
      quoted,
      capital: current.length > 0 && UPPER.test(raw.slice(w.rawStart, w.rawEnd)),
      equals: /[=:]/.test(gap),
      comma: gap.includes(','),
      verb: verbOf(w.word),
      predicate: predicateOf(w.word),
      // a group spans its words; sentence-local indexes are fixed by the caller's offsets
      group: group === undefined ? undefined : { ...group, start: group.start - index, end: group.end - index },
    });
  });
  if (current.length > 0) sentences.push({ words: current });
  return sentences;
}
