import { builtInSpamScorer, builtInToxicityScorer } from './model/linear-scorer.js';
import type { TextScorer } from './scorer.js';
import { regionalSpamScorer } from './spam/regional-spam-scorer.js';
import { readSpamStack } from './spam/spam-stack.js';

/**
 * The scorers the checks and the learning path use: swap them here, in one place.
 * The trained linear models (models/toxicity-v*.json, models/spam-v*.json), calibrated to a
 * news comment stream where most comments are fine, with the curated threat, slur and
 * dehumanisation patterns as severity floors. The lexicon scorers (training/lexicon-scorer.ts) remain
 * as the baseline the model cards compare against.
 */
export const toxicityScorer: TextScorer = builtInToxicityScorer;
/** The n-gram spam model with the regional scam evidence on top (workers/scoring/spam/, models/spam-v3.md). */
export const spamScorer: TextScorer = regionalSpamScorer(builtInSpamScorer, readSpamStack());
