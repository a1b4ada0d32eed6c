import type { NormalizedText } from '../text/normalize.js';
import type { ScoredSpan } from './scorer.js';
import { severeHarmOf } from './severe-harm/severe-harm-of.js';

/** Below this a dehumanising statement is only held (an insult to a person, a quotation): no identity-attack floor. */
const MEANT = 0.8;

/**
 * Statements that a group of people is vermin, animals, disease or filth, as identity-attack
 * spans for the lexicon scorer and the classifiers' features. Read by the severe-harm scorer
 * (workers/scoring/severe-harm), so a denial, a quotation or counter-speech does not count.
 */
export function findDehumanisation(text: NormalizedText): ScoredSpan[] {
  return severeHarmOf(text)
    .harms.filter((h) => h.category === 'dehumanisation' && h.score >= MEANT)
    .map((h) => ({ start: h.start, end: h.end, attribute: 'identity_attack' as const, weight: h.score }));
}
