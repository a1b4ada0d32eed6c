import type { CommentLanguage } from '../protocol/language.js';
import { normalizeForMatching } from '../workers/text/normalize.js';
import { hashedFeatures } from '../workers/scoring/model/hashed-features.js';
import type { FeatureSet } from '../workers/scoring/model/feature-set.js';
import { LEXICON_FEATURE_COUNT, lexiconFeatures } from '../workers/scoring/model/lexicon-features.js';

/** Features of many comments packed into flat arrays, for training without millions of objects. */
export interface FeatureTable {
  rows: number;
  /** Row r's hashed features are index[offsets[r] .. offsets[r+1]), each with value scale[r]. */
  offsets: Int32Array;
  index: Int32Array;
  scale: Float32Array;
  /** rows × LEXICON_FEATURE_COUNT lexicon feature values. */
  dense: Float32Array;
}

/** Computes the features of every text, as the scorer will at run time (or with another feature `set`, for trials). */
export function buildFeatureTable(texts: ReadonlyArray<{ text: string; lang: CommentLanguage }>, set?: FeatureSet): FeatureTable {
  const rows = texts.length;
  const offsets = new Int32Array(rows + 1);
  const scale = new Float32Array(rows);
  const dense = new Float32Array(rows * LEXICON_FEATURE_COUNT);
  let index = new Int32Array(1 << 20);
  let n = 0;
  texts.forEach(({ text, lang }, r) => {
    const normalized = normalizeForMatching(text);
    const sparse = hashedFeatures(normalized, undefined, set ? { lang, set } : { lang });
    if (n + sparse.length > index.length) {
      const grown = new Int32Array(Math.max(index.length * 2, n + sparse.length));
      grown.set(index.subarray(0, n));
      index = grown;
    }
    index.set(sparse.index.subarray(0, sparse.length), n);
    n += sparse.length;
    offsets[r + 1] = n;
    scale[r] = sparse.length > 0 ? sparse.value[0]! : 0;
    dense.set(lexiconFeatures(normalized, lang).values, r * LEXICON_FEATURE_COUNT);
  });
  return { rows, offsets, index: index.slice(0, n), scale, dense };
}
