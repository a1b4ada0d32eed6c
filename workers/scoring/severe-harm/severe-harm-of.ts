import type { NormalizedText } from '../../text/normalize.js';
import { readComment } from '../reading/read-comment.js';
import { scoreSevereHarm, type SevereHarmScore } from './severe-harm-scorer.js';

let last: { sentences: unknown; score: SevereHarmScore } | undefined;

/**
 * The severe harms of a folded comment, obfuscation undone, with the site's own group words;
 * computed once per comment for every check that asks.
 */
export function severeHarmOf(text: NormalizedText, siteTerms: readonly string[] = []): SevereHarmScore {
  const { sentences } = readComment(text, siteTerms);
  if (last !== undefined && last.sentences === sentences) return last.score;
  const score = scoreSevereHarm(sentences);
  last = { sentences, score };
  return score;
}
