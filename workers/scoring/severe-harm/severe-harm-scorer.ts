import type { Span } from '../../../protocol/reason.js';
import { findDehumanisation } from './find-dehumanisation.js';
import { findDeathTo, findDoomIdioms } from './find-doom-idioms.js';
import { nounPhraseAt } from './target-slot.js';
import { findViolence } from './find-violence.js';
import type { Sentence } from './read-sentences.js';
import type { SevereCategory } from './severe-finding.js';
import { voicedScore, voiceOf, type Voice } from './speech-context.js';

/** One severe harm in a comment, weighed, with the raw span the reader typed. */
export interface SevereHarm extends Span {
  category: SevereCategory;
  score: number;
  voice: Voice;
}

export interface SevereHarmScore {
  /** 0..1: the strongest severe harm, 0 when there is none. */
  severe: number;
  /** Category of the strongest harm. */
  category: SevereCategory | undefined;
  /** Every harm that kept a score, strongest first. */
  harms: SevereHarm[];
  /** Harms read and then defused by how they were said (denied, condemned, reported): "je ne vais pas te tuer". */
  defused: Span[];
}

export const SEVERE_HARM_SCORER_VERSION = '1';

const LEADING = new Set('les des ces tous toutes sales sale these those the all on je nous we i'.split(' '));

/**
 * Scores threats, calls to violence, wishes of harm and dehumanisation by structure (see
 * docs/severe-harms.md): a violent verb or a dehumanising predicate, its frame, its target,
 * and how it is said (denied, quoted, reported, condemned).
 * @example scoreSevereHarm(readComment(normalizeForMatching('Il faut tuer tous les Peuls.')).sentences).severe // ≥ 0.9
 */
export function scoreSevereHarm(sentences: readonly Sentence[]): SevereHarmScore {
  const harms: SevereHarm[] = [];
  const defused: Span[] = [];
  let previous: Sentence | undefined;
  for (const sentence of sentences) {
    const targetAt = (at: number) => {
      const t = sentence.words[at]!.capital ? { kind: 'person' as const, to: at } : nounPhraseAt(sentence.words, at);
      return { kind: t.kind, to: t.to };
    };
    const found = [...findViolence(sentence), ...findDoomIdioms(sentence), ...findDeathTo(sentence, targetAt), ...findDehumanisation(sentence, previous)];
    previous = sentence;
    for (const finding of found) {
      const voice = voiceOf(sentence, finding, sentences);
      const score = voicedScore(finding.score, voice);
      // the span starts at the noun phrase's determiner: "Ces migrants sont des rats", "On sait où tu habites"
      let from = finding.from;
      while (from > 0 && LEADING.has(sentence.words[from - 1]!.word)) from--;
      const first = sentence.words[from]!;
      const last = sentence.words[finding.to]!;
      if (score <= 0) defused.push({ start: first.rawStart, end: last.rawEnd });
      else harms.push({ category: finding.category, score, voice, start: first.rawStart, end: last.rawEnd });
    }
  }
  harms.sort((a, b) => b.score - a.score || a.start - b.start);
  return { severe: harms[0]?.score ?? 0, category: harms[0]?.category, harms, defused };
}
