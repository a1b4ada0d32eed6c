/**
 * Trains the built-in spam model v3: the n-gram model on the spam sets and our written French cases,
 * then the regional stack (workers/scoring/spam/) on its held-out predictions; measures both
 * leave-one-source-out, writes models/spam-v3.json and its card models/spam-v3.md.
 * Usage: npm run train:spam [-- --data DIR] [--out DIR]   (DIR defaults: $DATASETS_DIR or ../shared/datasets; models)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFeatureTable } from '../training/feature-table.js';
import { FEATURE_SET } from '../workers/scoring/model/feature-set.js';
import { calibrationTable, fitPlatt, precisionRecallF1, rocAuc } from '../training/evaluation-metrics.js';
import { tableMargins, trainLogistic } from '../training/train-logistic.js';
import { SPAM_OPTIONS } from '../training/training-options.js';
import { storeModel, sigmoid } from '../workers/scoring/model/linear-model.js';
import { normalizeForMatching } from '../workers/text/normalize.js';
import { regionalSpamFeatures } from '../workers/scoring/spam/regional-spam-features.js';
import { SPAM_MODEL_VERSION, stackMargin, type SpamStack } from '../workers/scoring/spam/spam-stack.js';
import { fitSpamStack, type StackRow } from '../training/spam/fit-spam-stack.js';
import { balancedWeights, DATASET_SOURCES, spamTrainingRows, streamWeights, WRITTEN_SOURCE } from '../training/spam/spam-training-rows.js';
import { writeSpamCard, type SpamCardFacts } from '../training/spam/spam-model-card.js';

const { values: args } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' } } });
const dataDir = resolve(args.data ?? process.env.DATASETS_DIR ?? '../shared/datasets');
const outDir = resolve(args.out ?? 'models');
/** About 5 % of news comments are spam once links are held: the probabilities are calibrated to that stream. */
const STREAM_PRIOR = 0.05;
/** Held-out calls at or above this are "sure": the model may claim no more than they were right. */
const SURE = 0.8;
const started = performance.now();
const log = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${message}`);

const rows = spamTrainingRows(dataDir);
const labels = Uint8Array.from(rows, (r) => r.label);
const table = buildFeatureTable(rows);
const weights = balancedWeights(rows);
const stream = streamWeights(rows, STREAM_PRIOR);
const regional = rows.map((r) => regionalSpamFeatures(normalizeForMatching(r.text)).values);
const sources = [...DATASET_SOURCES, WRITTEN_SOURCE];
const indexes = (keep: (i: number) => boolean) => Int32Array.from(rows.flatMap((_, i) => (keep(i) ? [i] : [])));
log(`features of ${rows.length} rows`);

// 1. the n-gram model, leave-one-source-out: every row gets a margin from a model that never saw its source
const baseMargins = new Float64Array(rows.length).fill(Number.NaN);
for (const source of sources) {
  const test = indexes((i) => rows[i]!.source === source);
  const model = trainLogistic('spam', table, indexes((i) => rows[i]!.source !== source), labels, weights, SPAM_OPTIONS);
  tableMargins(model, table, test).forEach((z, k) => (baseMargins[test[k]!] = z));
}
const held = indexes((i) => !Number.isNaN(baseMargins[i]!));
const platt = fitPlatt(Array.from(held, (i) => baseMargins[i]!), Array.from(held, (i) => labels[i]!), Array.from(held, (i) => stream[i]!));
const baseP = Array.from(baseMargins, (z) => (Number.isNaN(z) ? 0 : sigmoid(platt.a * z + platt.b)));

// 2. the regional stack on those held-out probabilities, itself fitted without the source it scores
const stackRows: StackRow[] = rows.map((_, i) => ({ base: baseP[i]!, values: regional[i]!, label: labels[i]!, weight: stream[i]! }));
const stackedP = new Float64Array(rows.length).fill(Number.NaN);
const loso: SpamCardFacts['loso'] = [];
for (const source of sources) {
  const test = Array.from(indexes((i) => rows[i]!.source === source));
  const fitted = fitSpamStack(stackRows.filter((_, i) => rows[i]!.source !== source && !Number.isNaN(baseMargins[i]!)));
  for (const i of test) stackedP[i] = sigmoid(stackMargin({ ...fitted, ceiling: 1 }, baseP[i]!, regional[i]!));
  const y = test.map((i) => labels[i]!);
  loso.push({ source, n: test.length, positives: y.filter((v) => v === 1).length, base: rocAuc(test.map((i) => baseMargins[i]!), y), stacked: rocAuc(test.map((i) => stackedP[i]!), y) });
  log(`LOSO ${source}: n-gram model ${loso.at(-1)!.base.toFixed(3)}, with the regional stack ${loso.at(-1)!.stacked.toFixed(3)}`);
}

// 3. final fits on every row, the ceiling from held-out stacked calls
const heldRows = Array.from(held);
const w = heldRows.map((i) => stream[i]!);
const y = heldRows.map((i) => labels[i]!);
const p = heldRows.map((i) => stackedP[i]!);
let sure = 0;
let right = 0;
p.forEach((q, k) => {
  if (q < SURE) return;
  sure += w[k]!;
  right += w[k]! * y[k]!;
});
const ceiling = sure > 0 ? Math.min(0.99, Math.max(SURE, right / sure)) : 0.99;
const stack: SpamStack = { ...fitSpamStack(heldRows.map((i) => stackRows[i]!)), ceiling };
const base = { ...trainLogistic('spam', table, indexes(() => true), labels, weights, SPAM_OPTIONS), platt, ceiling: 0.99 };
const capped = p.map((q) => Math.min(ceiling, q));
const calibration = {
  platt, ceiling, prior: STREAM_PRIOR, streamEce: calibrationTable(capped, y, 10, w).ece, ece: calibrationTable(capped, y).ece,
  streamPrf: precisionRecallF1(capped, y, 0.5, w), prf: precisionRecallF1(capped, y, 0.5), pooledAuc: rocAuc(capped, y),
};
log(`stack: bias ${stack.bias.toFixed(2)}, base ${stack.baseWeight.toFixed(2)}, ${stack.features.map((f, k) => `${f} ${stack.weights[k]!.toFixed(2)}`).join(', ')}; ceiling ${ceiling.toFixed(3)}`);

mkdirSync(outDir, { recursive: true });
const date = new Date().toISOString().slice(0, 10);
const file = join(outDir, `spam-v${SPAM_MODEL_VERSION}.json`);
// the feature set is recorded: the scorer refuses a file that reads other features than the code
writeFileSync(file, JSON.stringify({ name: 'spam', version: SPAM_MODEL_VERSION, created: date, features: FEATURE_SET, models: [storeModel(base)], stack }));
log(`wrote ${file}`);

// 4. the French regional test set, through the real scorer reading the file just written
const { spamScorer } = await import('../workers/scoring/built-in-scorers.js');
const { evaluateFrenchSpam, readFrenchSpamCases } = await import('../training/spam/french-spam-evaluation.js');
const cases = readFrenchSpamCases();
const french = (['dev', 'heldout', 'stress', 'fresh'] as const).map((split) => evaluateFrenchSpam(spamScorer, cases.filter((c) => c.split === split), split));
for (const f of french) log(`French ${f.split}: precision ${f.precision.toFixed(3)}, recall ${f.recall.toFixed(3)}, false positives ${f.falsePositives}/${f.legitimate} (legitimate contacts ${f.legitContactFalsePositives}/${f.legitContactCases}), AUC ${f.auc.toFixed(3)}`);
const mean = loso.filter((s) => s.source !== WRITTEN_SOURCE).reduce((a, s) => a + s.stacked, 0) / DATASET_SOURCES.length;
const benchFile = join(outDir, 'classifier-bench.json');
const bench = existsSync(benchFile) ? (JSON.parse(readFileSync(benchFile, 'utf8')) as SpamCardFacts['bench']) : undefined;
writeSpamCard(join(outDir, `spam-v${SPAM_MODEL_VERSION}.md`), { date, rows: rows.length, loso, calibration, stack, french, bench, trainSeconds: (performance.now() - started) / 1000 });
log(`done: spam mean LOSO AUC over the dataset sources ${mean.toFixed(3)}`);
