import { bannedAuthor } from './banned-author.js';
import { bannedWords } from './banned-words.js';
import { duplicate } from './duplicate.js';
import { length } from './length.js';
import { links } from './links.js';
import { newAuthor } from './new-author.js';
import { severeHarm } from './severe-harm.js';
import { spamScore } from './spam-score.js';
import { toxicityScore } from './toxicity-score.js';
import type { Check } from './types.js';
import { velocity } from './velocity.js';
import { timedCheck } from '../metrics/timed-check.js';

/**
 * Every built-in check, run in this order on each comment. The order is policy: cheap and
 * certain checks first, scorers next, the first-comment hold last. Change it in review only.
 */
export const checks: readonly Check[] = [
  length,
  bannedAuthor,
  bannedWords,
  links,
  duplicate,
  velocity,
  spamScore,
  severeHarm,
  toxicityScore,
  newAuthor,
].map(timedCheck); // each run lands in palabre_check_duration_seconds{check}
