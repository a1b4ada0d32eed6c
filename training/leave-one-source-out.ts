import type { FeatureTable } from './feature-table.js';
import { rocAuc } from './evaluation-metrics.js';
import { rowsWhere } from './source-weights.js';
import { tableMargins, trainLogistic, type TrainOptions } from './train-logistic.js';

/** One held-out source: its rows, positives and ROC-AUC of a model that never saw it. */
export interface FoldFigures {
  source: string;
  n: number;
  positives: number;
  auc: number;
}

export interface LosoInput {
  attribute: string;
  table: FeatureTable;
  /** Each row's source. */
  sources: readonly string[];
  labels: Uint8Array;
  weights: ArrayLike<number>;
  options: TrainOptions;
  /** Rows that may be trained on and measured (e.g. rows whose source annotates the attribute); all by default. */
  usable?: (row: number) => boolean;
}

/**
 * Leave-one-source-out: for each held-out source, train on every other source and score this one.
 * Returns each row's out-of-source margin (NaN for rows never held out) and the figures per source.
 */
export function leaveOneSourceOut(input: LosoInput, heldOut: readonly string[], log?: (line: string) => void) {
  const { table, sources, labels, weights, options, attribute } = input;
  const usable = input.usable ?? (() => true);
  const margins = new Float64Array(sources.length).fill(Number.NaN);
  const figures: FoldFigures[] = [];
  for (const source of heldOut) {
    const train = rowsWhere(sources, (s, i) => s !== source && usable(i));
    const test = rowsWhere(sources, (s, i) => s === source && usable(i));
    const model = trainLogistic(attribute, table, train, labels, weights, options);
    const m = tableMargins(model, table, test);
    test.forEach((r, i) => (margins[r] = m[i]!));
    const testLabels = Array.from(test, (r) => labels[r]!);
    const auc = rocAuc(m, testLabels);
    figures.push({ source, n: test.length, positives: testLabels.filter((y) => y === 1).length, auc });
    log?.(`${attribute} LOSO ${source}: AUC ${auc.toFixed(3)} (${test.length} rows)`);
  }
  return { margins, figures };
}
