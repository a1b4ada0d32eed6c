import type { CommentLanguage } from '../../protocol/language.js';
import type { Attribute, Scores } from '../../protocol/attribute.js';
import type { Span } from '../../protocol/reason.js';
import type { NormalizedText } from '../text/normalize.js';

/** A piece of the raw text that raised an attribute's score, and by how much (0..1). */
export interface ScoredSpan extends Span {
  attribute: Attribute;
  weight: number;
  /** What kind of signal it is when the quoted text alone does not say, e.g. `phone number`. */
  label?: string;
}

export interface TextScore {
  scores: Scores;
  spans: ScoredSpan[];
}

/**
 * Scores a normalized comment. The lexicon scorers implement it today; trained classifiers
 * will replace them behind this same interface, so checks depend on nothing else.
 */
export interface TextScorer {
  name: string;
  version: string;
  score(text: NormalizedText, lang: CommentLanguage): TextScore;
}
