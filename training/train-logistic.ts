import { HASH_SIZE } from '../workers/scoring/model/feature-hash.js';
import type { FeatureTable } from './feature-table.js';
import { LEXICON_FEATURE_COUNT } from '../workers/scoring/model/lexicon-features.js';
import type { LinearModel } from '../workers/scoring/model/linear-model.js';
import { logCountRatio } from './log-count-ratio.js';

export interface TrainOptions {
  epochs?: number;
  /** AdaGrad base step. @default 0.2 */
  learningRate?: number;
  /** L2 strength per weighted example on n-gram weights. @default 1e-5 */
  l2?: number;
  /** L2 on lexicon weights, kept small: they are few and meant to carry across languages. @default 1e-6 */
  l2Lexicon?: number;
  /** Seed of the shuffling, so runs are reproducible. @default 1 */
  seed?: number;
  /** Lexicon features whose weight may not go below zero: more evidence never lowers the score. */
  nonNegative?: readonly number[];
  /** Train a length-invariant model (see LinearModel.lengthInvariant). @default false */
  lengthInvariant?: boolean;
  /** Lexicon features this model may not use (weight held at zero): e.g. length, whose meaning differs between sources. */
  unused?: readonly number[];
  /** Starting lexicon weights (domain knowledge), by lexicon feature index. */
  initialLexicon?: Readonly<Record<number, number>>;
  /** Scale n-gram features by their log-count ratio to this power while training (0: off). @default 0 */
  logCountRatio?: number;
}

/** Small deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Weighted logistic regression by AdaGrad SGD with L2 (applied lazily to the weights an example
 * touches). `rows` picks the training rows of `table`; `weights` carries class and source balance.
 */
export function trainLogistic(
  attribute: string,
  table: FeatureTable,
  rows: Int32Array,
  labels: ArrayLike<number>,
  weights: ArrayLike<number>,
  options: TrainOptions = {},
): LinearModel {
  const { epochs = 4, learningRate = 0.2, l2 = 1e-5, l2Lexicon = 1e-6, seed = 1 } = options;
  const D = LEXICON_FEATURE_COUNT;
  const w = new Float32Array(HASH_SIZE + D);
  for (const [k, v] of Object.entries(options.initialLexicon ?? {})) w[HASH_SIZE + Number(k)] = v;
  const floor = new Float32Array(D).fill(-Infinity);
  for (const k of options.nonNegative ?? []) floor[k] = 0;
  const ceiling = new Float32Array(D).fill(Infinity);
  for (const k of options.unused ?? []) {
    floor[k] = 0;
    ceiling[k] = 0;
  }
  const g2 = new Float32Array(HASH_SIZE + D).fill(1e-8);
  let bias = 0;
  let biasG2 = 1e-8;
  const random = seededRandom(seed);
  const order = Int32Array.from(rows);
  let meanWeight = 0;
  for (const r of rows) meanWeight += weights[r]!;
  meanWeight /= Math.max(1, rows.length);
  const { offsets, index, scale, dense } = table;
  const ratio = options.logCountRatio ? logCountRatio(table, rows, labels, weights, options.logCountRatio) : new Float32Array(HASH_SIZE).fill(1);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    for (const r of order) {
      const from = offsets[r]!;
      const to = offsets[r + 1]!;
      const x = options.lengthInvariant ? scale[r]! * scale[r]! : scale[r]!;
      const d0 = r * D;
      let z = bias;
      for (let k = from; k < to; k++) z += w[index[k]!]! * x * ratio[index[k]!]!;
      for (let k = 0; k < D; k++) z += w[HASH_SIZE + k]! * dense[d0 + k]!;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - labels[r]!) * (weights[r]! / meanWeight);
      for (let k = from; k < to; k++) {
        const f = index[k]!;
        const grad = g * x * ratio[f]! + l2 * w[f]!;
        g2[f]! += grad * grad;
        w[f]! -= (learningRate * grad) / Math.sqrt(g2[f]!);
      }
      for (let k = 0; k < D; k++) {
        const v = dense[d0 + k]!;
        if (v === 0) continue;
        const f = HASH_SIZE + k;
        const grad = g * v + l2Lexicon * w[f]!;
        g2[f]! += grad * grad;
        w[f] = Math.min(ceiling[k]!, Math.max(floor[k]!, w[f]! - (learningRate * grad) / Math.sqrt(g2[f]!)));
      }
      biasG2 += g * g;
      bias -= (learningRate * g) / Math.sqrt(biasG2);
    }
  }
  // fold the scaling into the weights: the scorer reads plain features
  for (let f = 0; f < HASH_SIZE; f++) w[f]! *= ratio[f]!;
  return { attribute, bias, weights: w, platt: { a: 1, b: 0 }, ceiling: 1, ...(options.lengthInvariant ? { lengthInvariant: true } : {}) };
}

/** Margins w·x + b of the given rows of a table. */
export function tableMargins(model: LinearModel, table: FeatureTable, rows: Int32Array): Float64Array {
  const D = LEXICON_FEATURE_COUNT;
  const out = new Float64Array(rows.length);
  const w = model.weights;
  rows.forEach((r, i) => {
    let z = model.bias;
    const x = model.lengthInvariant ? table.scale[r]! * table.scale[r]! : table.scale[r]!;
    for (let k = table.offsets[r]!; k < table.offsets[r + 1]!; k++) z += w[table.index[k]!]! * x;
    for (let k = 0; k < D; k++) z += w[HASH_SIZE + k]! * table.dense[r * D + k]!;
    out[i] = z;
  });
  return out;
}
