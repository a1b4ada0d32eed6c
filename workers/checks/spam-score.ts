import { spamScorer } from '../scoring/built-in-scorers.js';
import { defineScoreCheck } from './score-check.js';

/** Scores spam (the n-gram model and the regional scam evidence, models/spam-v3.md), adjusted by what the site's moderators taught it. */
export const spamScore = defineScoreCheck({
  name: 'spamScore',
  version: '3',
  code: 'spam_signals',
  scorer: spamScorer,
  adapts: 'spam',
});
