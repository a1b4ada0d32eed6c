import { lexiconToxicityScorer } from '../scoring/lexicon-scorer.js';
import { defineScoreCheck } from './score-check.js';

/** Scores toxicity and its parts; swap the scorer here when a trained classifier replaces the lexicon. */
export const toxicityScore = defineScoreCheck({
  name: 'toxicityScore',
  version: '1',
  code: 'toxic_language',
  scorer: lexiconToxicityScorer,
});
