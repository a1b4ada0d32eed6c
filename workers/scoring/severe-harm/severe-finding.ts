import type { SevereCategory } from '../../../protocol/severe-category.js';

export type { SevereCategory };

/** One severe harm found in a sentence, before denial, quotation and counter-speech are weighed. */
export interface SevereFinding {
  category: SevereCategory;
  /** 0..1: how surely this is the harm, target and verb strength included. */
  score: number;
  /** Sentence-local indexes of the first and last word of the whole statement. */
  from: number;
  to: number;
  /** Sentence-local index of the key word (the verb or the predicate). */
  verb: number;
  /** A denial governs it ("je ne vais pas te tuer", "ne sont pas des animaux"). */
  negated: boolean;
  target: string;
}
