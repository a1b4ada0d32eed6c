/**
 * Which n-gram features a model reads. A model file records the set it was trained on and the
 * scorer refuses a file whose set differs from the code's, so training and scoring cannot drift.
 */
export interface FeatureSet {
  /** Shortest and longest character n-gram. */
  charMin: number;
  charMax: number;
  /** Character n-grams run across word boundaries ("s con" in "t'es con"), not only inside each word. */
  crossWords: boolean;
  /** Each word's Snowball stem (French or English by the comment's language) as a feature of its own. */
  stems: boolean;
  /** Word pairs with one word skipped ("es _ con" in "t'es vraiment con"). */
  gapPairs: boolean;
}

/**
 * The set the shipped toxicity and spam models read, chosen on French leave-one-source-out AUC
 * (`npm run train:trials`, figures in models/toxicity-v3.md).
 */
export const FEATURE_SET: FeatureSet = { charMin: 2, charMax: 4, crossWords: true, stems: false, gapPairs: false };

export const sameFeatureSet = (a: FeatureSet, b: FeatureSet): boolean =>
  a.charMin === b.charMin && a.charMax === b.charMax && a.crossWords === b.crossWords && a.stems === b.stems && a.gapPairs === b.gapPairs;
