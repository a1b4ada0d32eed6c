import { toxicityScorer } from '../scoring/built-in-scorers.js';
import { defineScoreCheck } from './score-check.js';

/** Scores toxicity and its parts, adjusted by what the site's moderators taught it. */
export const toxicityScore = defineScoreCheck({
  name: 'toxicityScore',
  version: '2',
  code: 'toxic_language',
  scorer: toxicityScorer,
  adapts: 'toxicity',
});
