import { spamScorer } from '../scoring/built-in-scorers.js';
import { defineScoreCheck } from './score-check.js';

/** Scores spam, adjusted by what the site's moderators taught it. */
export const spamScore = defineScoreCheck({
  name: 'spamScore',
  version: '2',
  code: 'spam_signals',
  scorer: spamScorer,
  adapts: 'spam',
});
