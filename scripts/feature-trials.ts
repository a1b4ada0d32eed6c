/**
 * Feature trials for the toxicity model: French leave-one-source-out ROC-AUC of each candidate
 * feature set (stems, character n-grams across words, gap pairs), for the model card.
 * Usage: npm run train:trials [-- --data DIR] [--out DIR] [--only NAME,NAME]   (writes models/toxicity-feature-trials.json unless --only)
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFeatureTable } from '../training/feature-table.js';
import { leaveOneSourceOut } from '../training/leave-one-source-out.js';
import { balancedWeights } from '../training/source-weights.js';
import { loadToxicityRows, NEUTRAL_SOURCE, sourcesOf } from '../training/toxicity-rows.js';
import { TOXICITY_OPTIONS } from '../training/training-options.js';
import type { FeatureSet } from '../workers/scoring/model/feature-set.js';

const { values: args } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' }, only: { type: 'string' } } });
const dataDir = resolve(args.data ?? process.env.DATASETS_DIR ?? '../shared/datasets');
const base: FeatureSet = { charMin: 2, charMax: 4, crossWords: false, stems: false, gapPairs: false };
const TRIALS: Record<string, FeatureSet> = {
  'v2 (2–4-grams in words, words, pairs)': base,
  '+ stems': { ...base, stems: true },
  '+ 2–4-grams across words': { ...base, crossWords: true },
  '+ 2–5-grams across words': { ...base, crossWords: true, charMax: 5 },
  '+ gap pairs': { ...base, gapPairs: true },
  '+ stems + gap pairs': { ...base, stems: true, gapPairs: true },
  '+ stems + across words + gap pairs': { ...base, stems: true, crossWords: true, gapPairs: true },
};
const only = args.only?.split(',');
const rows = loadToxicityRows(dataDir);
const french = sourcesOf(rows).filter((s) => s.lang === 'fr').map((s) => s.source);
const labels = Uint8Array.from(rows, (r) => r.label);
const weights = balancedWeights(rows, NEUTRAL_SOURCE, 0.5);
const sources = rows.map((r) => r.source);
console.log(`| features | ${french.join(' | ')} | French mean | s |`);
console.log(`|---|${french.map(() => '---|').join('')}---|---|`);
const results: Array<{ name: string; set: FeatureSet; aucs: Record<string, number>; mean: number }> = [];
for (const [name, set] of Object.entries(TRIALS)) {
  if (only && !only.some((o) => name.includes(o))) continue;
  const t0 = performance.now();
  const table = buildFeatureTable(rows, set);
  const { figures } = leaveOneSourceOut({ attribute: 'toxicity', table, sources, labels, weights, options: TOXICITY_OPTIONS }, french);
  const mean = figures.reduce((a, f) => a + f.auc, 0) / figures.length;
  results.push({ name, set, aucs: Object.fromEntries(figures.map((f) => [f.source, f.auc])), mean });
  console.log(`| ${name} | ${figures.map((f) => f.auc.toFixed(3)).join(' | ')} | **${mean.toFixed(3)}** | ${((performance.now() - t0) / 1000).toFixed(0)} |`);
}
// the model card (npm run train:toxicity) reads these figures
if (!only) {
  const file = join(resolve(args.out ?? 'models'), 'toxicity-feature-trials.json');
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString().slice(0, 10), french, results }, null, 2) + '\n');
  console.log(`wrote ${file}`);
}
