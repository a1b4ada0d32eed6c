import { groupAt, type GroupMention } from '../identity/identity-lexicon.js';
import { predicateOf, verbOf, type PredicateSense, type VerbSense } from './severe-lexicon.js';
import { phraseAt } from './violent-phrases.js';

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
  /** For a violent phrase ("faire la peau"): sentence-local index of its last word. */
  phraseEnd: number | undefined;
  predicate: PredicateSense | undefined;
  /** The group this word names or is part of; `end` counts the words from this one to the group's last. */
  group: GroupMention | undefined;
}

export interface Sentence {
  words: Word[];
}

const SENTENCE_END = /[.!?;\n…]/u;
// "sous-hommes", "sub-human": the second word is the predicate, not the group "hommes"
const BELOW_HUMAN = new Set(['sous', 'sub']);
const HUMAN_AFTER_BELOW = new Set(['homme', 'hommes', 'humain', 'humains', 'race', 'races', 'human', 'humans', 'men']);
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
  let sentenceStart = 0;
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
      sentenceStart = index;
    }
    const group = groupAt(allWords, index, siteTerms);
    const phrase = phraseAt(allWords, index);
    // fields listed one by one: spreading `w` here made V8 build each word ~30× slower
    current.push({
      word: w.word,
      rawStart: w.rawStart,
      rawEnd: w.rawEnd,
      elided: ELIDED.exec(gap)?.[1]?.toLowerCase() ?? '',
      quoted,
      capital: current.length > 0 && UPPER.test(raw.slice(w.rawStart, w.rawEnd)),
      equals: /[=:]/.test(gap),
      comma: gap.includes(','),
      verb: phrase?.sense ?? verbOf(w.word),
      phraseEnd: phrase === undefined ? undefined : phrase.last - sentenceStart,
      predicate: predicateOf(w.word),
      group: group === undefined ? undefined : { ...group, start: 0, end: group.end - index },
    });
  });
  if (current.length > 0) sentences.push({ words: current });
  for (const sentence of sentences) annotateSpans(sentence.words);
  return sentences;
}

/** Every word of a group carries it ("gay people": "people" too); "sous-hommes" is a predicate. */
function annotateSpans(words: Word[]): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (BELOW_HUMAN.has(w.word) && HUMAN_AFTER_BELOW.has(words[i + 1]?.word ?? '')) {
      words[i + 1]!.predicate = { word: `${w.word} ${words[i + 1]!.word}`, strength: 1 };
      words[i + 1]!.group = undefined;
      continue;
    }
    const group = w.group;
    if (group === undefined) continue;
    for (let k = 1; k < group.end && i + k < words.length; k++) words[i + k]!.group = { ...group, end: group.end - k };
    i += group.end - 1;
  }
}
