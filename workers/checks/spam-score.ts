import { lexiconSpamScorer } from '../scoring/lexicon-scorer.js';
import { defineScoreCheck } from './score-check.js';

/** Scores spam; swap the scorer here when a trained classifier replaces the lexicon. */
export const spamScore = defineScoreCheck({
  name: 'spamScore',
  version: '1',
  code: 'spam_signals',
  scorer: lexiconSpamScorer,
});
