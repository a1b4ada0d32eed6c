import { bannedAuthor } from './banned-author.js';
import { bannedWords } from './banned-words.js';
import { duplicate } from './duplicate.js';
import { length } from './length.js';
import { links } from './links.js';
import { newAuthor } from './new-author.js';
import { severeHarm } from './severe-harm.js';
import { targetedAbuse } from './targeted-abuse.js';
import { spamScore } from './spam-score.js';
import { toxicityScore } from './toxicity-score.js';
import { velocity } from './velocity.js';
import { deviceFlood } from './device-flood.js';
import { inhumanRhythm } from './inhuman-rhythm.js';
import { textCampaign } from './text-campaign.js';
import { rejectedCopy } from './rejected-copy.js';
import { timedCheck } from '../metrics/timed-check.js';

/**
 * Every built-in check, run in this order on each comment. The order is policy: cheap and
 * certain checks first, scorers next, the first-comment hold last. Change it in review only.
 */
const ordered = [
  length,
  bannedAuthor,
  bannedWords,
  links,
  duplicate,
  textCampaign,
  rejectedCopy,
  velocity,
  deviceFlood,
  inhumanRhythm,
  spamScore,
  severeHarm,
  toxicityScore,
  targetedAbuse,
  newAuthor,
] as const;

/** The reason codes the built-in checks declare. */
export type CheckReasonCode = (typeof ordered)[number]['codes'][number];

export const checks = ordered.map(timedCheck); // each run lands in palabre_check_duration_seconds{check}
