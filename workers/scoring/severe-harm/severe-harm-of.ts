import type { NormalizedText } from '../../text/normalize.js';
import { readWordsOf, scoreSevereHarm, type SevereHarmScore } from './severe-harm-scorer.js';

// the severe-harm check and the toxicity scorer's threat both read the same comment: score it once
let last: { text: NormalizedText; terms: readonly string[]; score: SevereHarmScore } | undefined;

/**
 * The severe harms of a folded comment, with the site's own group words; computed once per
 * comment for every check that asks.
 */
export function severeHarmOf(text: NormalizedText, siteTerms: readonly string[] = []): SevereHarmScore {
  if (last !== undefined && last.text === text && last.terms === siteTerms) return last.score;
  const score = scoreSevereHarm(readWordsOf(text), text.raw, siteTerms);
  last = { text, terms: siteTerms, score };
  return score;
}
