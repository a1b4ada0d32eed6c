import { join } from 'node:path';
import type { CommentLanguage } from '../../protocol/language.js';
import { probability } from '../../workers/scoring/model/linear-model.js';
import { readModelFile } from '../../workers/scoring/model/model-file.js';
import { cleanTrainingText } from '../clean-training-text.js';
import { buildFeatureTable } from '../feature-table.js';
import { readJsonl } from '../read-jsonl.js';
import { tableMargins, trainLogistic } from '../train-logistic.js';
import { TOXICITY_OPTIONS } from '../training-options.js';

export interface EvalRow {
  text: string;
  label: 0 | 1;
  lang: CommentLanguage;
  source: string;
}

/** Every toxicity source of the shared datasets, as `npm run train` reads them. */
export function readToxicityRows(dataDir: string): EvalRow[] {
  const files = ['toxicity-en.jsonl', 'toxicity-fr.jsonl', 'toxicity-en-extra.jsonl', 'toxicity-fr-extra.jsonl'];
  return files.flatMap((file) =>
    readJsonl<EvalRow>(join(dataDir, file)).map((r) => ({
      text: cleanTrainingText(r.text),
      label: r.label === 1 ? 1 : 0,
      lang: r.lang === 'fr' || r.lang === 'en' ? r.lang : 'other',
      source: r.source,
    })),
  );
}

/**
 * For each source, the score of its rows by a model trained on every other source (the
 * training pipeline's options) through the shipped calibration: what the learning path would
 * see on a site the model never saw, whatever the shipped model was trained on.
 */
export function leftOutBases(rows: readonly EvalRow[], sources: readonly string[]): Map<string, Map<number, number>> {
  const labels = Uint8Array.from(rows, (r) => r.label);
  // every source counts the same and classes are balanced inside a source, as in npm run train
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(`${r.source}:${r.label}`, (counts.get(`${r.source}:${r.label}`) ?? 0) + 1);
  const weights = Float32Array.from(rows, (r) => 0.5 / counts.get(`${r.source}:${r.label}`)!);
  const file = readModelFile('toxicity');
  // the left-out models read the shipped model's features, so their scores match what a site sees
  const table = buildFeatureTable(rows, file.features);
  const shipped = file.models.find((m) => m.attribute === 'toxicity')!;
  const out = new Map<string, Map<number, number>>();
  for (const source of sources) {
    const train = Int32Array.from(rows.flatMap((r, i) => (r.source !== source ? [i] : [])));
    const held = Int32Array.from(rows.flatMap((r, i) => (r.source === source ? [i] : [])));
    const model = { ...trainLogistic('toxicity', table, train, labels, weights, TOXICITY_OPTIONS), platt: shipped.platt, ceiling: shipped.ceiling };
    const margins = tableMargins(model, table, held);
    out.set(source, new Map(Array.from(held, (r, i) => [r, probability(model, margins[i]!)])));
  }
  return out;
}
