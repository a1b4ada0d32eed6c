import { eld } from 'eld/small';

import type { CommentLanguage } from '../../protocol/language.js';

/** How far below the best language French or English may score and still be chosen. */
const CLOSE_ENOUGH = 0.05;

/**
 * French, English or other, with ELD (a maintained n-gram detector that needs no download).
 * Short comments are often ambiguous; when French or English is within a hair of the winner we
 * take it, since those are the languages of our readers and the models.
 */
export function detectLanguage(text: string): CommentLanguage {
  const result = eld.detect(text);
  if (result.language === 'fr' || result.language === 'en') return result.language;
  const scores = result.getScores();
  const best = Math.max(0, ...Object.values(scores));
  const fr = scores.fr ?? 0;
  const en = scores.en ?? 0;
  const candidate = fr >= en ? 'fr' : 'en';
  if (best > 0 && Math.max(fr, en) >= best - CLOSE_ENOUGH) return candidate;
  return 'other';
}

export const LANGUAGE_DETECTOR_VERSION = 'eld-2.1.0-small';
