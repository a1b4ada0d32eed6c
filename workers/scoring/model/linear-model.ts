import { HASH_BITS, HASH_SIZE } from './feature-hash.js';
import type { SparseFeatures } from './hashed-features.js';
import { LEXICON_FEATURE_COUNT, LEXICON_FEATURES } from './lexicon-features.js';

/** A logistic regression over hashed n-grams and lexicon features, with Platt calibration. */
export interface LinearModel {
  attribute: string;
  bias: number;
  /** HASH_SIZE weights for hashed n-grams, then LEXICON_FEATURE_COUNT for lexicon features. */
  weights: Float32Array;
  /** p = sigmoid(a · margin + b), fitted on held-out margins. */
  platt: { a: number; b: number };
  /** Highest probability the model may give: how often its surest held-out calls were right. */
  ceiling: number;
  /**
   * N-gram values divided once more by √n (the mean of the n-gram weights, not a unit-length sum):
   * the score no longer grows with the length of a comment. Parts of toxicity use it, because one
   * source's threats are long texts and another's short ones.
   */
  lengthInvariant?: boolean;
}

/** What a model file holds for one attribute: int8 n-gram weights in base64, the rest as numbers. */
export interface StoredLinearModel {
  attribute: string;
  bias: number;
  hashBits: number;
  /** Multiply an int8 weight by this to get the float weight. */
  hashedScale: number;
  hashedInt8: string;
  lexiconFeatures: readonly string[];
  lexiconWeights: number[];
  platt: { a: number; b: number };
  ceiling: number;
  lengthInvariant?: boolean;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The raw margin w·x + b of one comment. */
export function margin(model: LinearModel, sparse: SparseFeatures, dense: Float32Array): number {
  const w = model.weights;
  let z = model.bias;
  const extra = model.lengthInvariant && sparse.length > 0 ? sparse.value[0]! : 1;
  for (let i = 0; i < sparse.length; i++) z += w[sparse.index[i]!]! * sparse.value[i]! * extra;
  for (let k = 0; k < dense.length; k++) z += w[HASH_SIZE + k]! * dense[k]!;
  return z;
}

/** Calibrated probability of the attribute. */
export const probability = (model: LinearModel, z: number): number => Math.min(model.ceiling, sigmoid(model.platt.a * z + model.platt.b));

/** Quantizes n-gram weights to int8 (symmetric, one scale) so a model file stays well under 1 MB. */
export function storeModel(model: LinearModel): StoredLinearModel {
  let max = 0;
  for (let i = 0; i < HASH_SIZE; i++) max = Math.max(max, Math.abs(model.weights[i]!));
  const scale = max > 0 ? max / 127 : 1;
  const q = new Int8Array(HASH_SIZE);
  for (let i = 0; i < HASH_SIZE; i++) q[i] = Math.round(model.weights[i]! / scale);
  return {
    attribute: model.attribute,
    bias: model.bias,
    hashBits: HASH_BITS,
    hashedScale: scale,
    hashedInt8: Buffer.from(q.buffer).toString('base64'),
    lexiconFeatures: LEXICON_FEATURES,
    lexiconWeights: Array.from(model.weights.subarray(HASH_SIZE)),
    platt: model.platt,
    ceiling: model.ceiling,
    ...(model.lengthInvariant ? { lengthInvariant: true } : {}),
  };
}

/** Reads a stored model back, refusing one built for other features. */
export function loadModel(stored: StoredLinearModel): LinearModel {
  if (stored.hashBits !== HASH_BITS) throw new Error(`model ${stored.attribute}: hashBits ${stored.hashBits}, expected ${HASH_BITS}`);
  if (!(stored.ceiling > 0 && stored.ceiling <= 1)) throw new Error(`model ${stored.attribute}: ceiling ${stored.ceiling} is not a probability`);
  if (stored.lexiconFeatures.join() !== LEXICON_FEATURES.join()) {
    throw new Error(`model ${stored.attribute}: lexicon features differ from this code's LEXICON_FEATURES`);
  }
  const bytes = Buffer.from(stored.hashedInt8, 'base64');
  const q = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const weights = new Float32Array(HASH_SIZE + LEXICON_FEATURE_COUNT);
  for (let i = 0; i < HASH_SIZE; i++) weights[i] = q[i]! * stored.hashedScale;
  weights.set(stored.lexiconWeights, HASH_SIZE);
  return { attribute: stored.attribute, bias: stored.bias, weights, platt: stored.platt, ceiling: stored.ceiling, ...(stored.lengthInvariant ? { lengthInvariant: true } : {}) };
}
