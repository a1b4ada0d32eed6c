import { lexiconSpamScorer, lexiconToxicityScorer } from './lexicon-scorer.js';
import type { TextScorer } from './scorer.js';

/**
 * The scorers the checks and the learning path use: swap them here, in one place.
 * Still the lexicon scorers: the trained linear models (workers/classifiers/linear-scorer.ts)
 * score short neutral French comments close to the 0.5 hold threshold (0.43 for "Un
 * commentaire ordinaire"), so they wait for a recalibration on news comments.
 */
export const toxicityScorer: TextScorer = lexiconToxicityScorer;
export const spamScorer: TextScorer = lexiconSpamScorer;
