/**
 * Trains the built-in toxicity model and its parts (insult, threat, identity_attack, profanity) on
 * every source of the datasets folder, measures each leave-one-source-out, calibrates them for
 * the moderators' budget, and writes models/toxicity-v3.json and its model card.
 * Usage: npm run train:toxicity [-- --data DIR] [--out DIR]   (DIR defaults: $DATASETS_DIR or ../shared/datasets; models)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { rocAuc } from '../training/evaluation-metrics.js';
import { lexiconToxicityScorer } from '../training/lexicon-scorer.js';
import { loadToxicityRows, NEUTRAL_SOURCE, sourcesOf } from '../training/toxicity-rows.js';
import { trainToxicity } from '../training/train-toxicity.js';
import { writeToxicityCard, type ToxicityCardFacts } from '../training/toxicity-card.js';
import { FEATURE_SET } from '../workers/scoring/model/feature-set.js';
import { storeModel } from '../workers/scoring/model/linear-model.js';
import { MODEL_VERSIONS } from '../workers/scoring/model/model-file.js';
import { normalizeForMatching } from '../workers/text/normalize.js';
import { frenchBadwordsBaseline, obscenityBaseline } from './eval-baselines.js';

const { values: args } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' } } });
const dataDir = resolve(args.data ?? process.env.DATASETS_DIR ?? '../shared/datasets');
const outDir = resolve(args.out ?? 'models');
const VERSION = MODEL_VERSIONS.toxicity;
const started = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${line}`);

const rows = loadToxicityRows(dataDir);
log(`toxicity: ${rows.length} rows from ${sourcesOf(rows).map((s) => s.source).join(', ')} and ${NEUTRAL_SOURCE}`);
const trained = trainToxicity(rows, FEATURE_SET, log);

// word-list baselines per held-out source, for the card
const obscenity = obscenityBaseline();
const frenchBadwords = frenchBadwordsBaseline();
const BASELINES: Record<string, (text: string, lang: 'fr' | 'en' | 'other') => number> = {
  obscenity: (t) => obscenity(t),
  'french-badwords-list': (t) => frenchBadwords(t),
  [`palabre ${lexiconToxicityScorer.name} v${lexiconToxicityScorer.version}`]: (t, lang) => lexiconToxicityScorer.score(normalizeForMatching(t), lang).scores.toxicity ?? 0,
};
const baselines = Object.fromEntries(
  trained.loso.map((fold) => {
    const held = rows.filter((r) => r.source === fold.source);
    const labels = held.map((r) => r.label);
    return [fold.source, Object.fromEntries(Object.entries(BASELINES).map(([name, score]) => [name, rocAuc(held.map((r) => score(r.text, r.lang)), labels)]))];
  }),
);

mkdirSync(outDir, { recursive: true });
const date = new Date().toISOString().slice(0, 10);
const file = join(outDir, `toxicity-v${VERSION}.json`);
writeFileSync(file, JSON.stringify({ name: 'toxicity', version: VERSION, created: date, features: FEATURE_SET, models: trained.models.map(storeModel) }));
log(`wrote ${file}`);
const readIfThere = <T>(name: string): T | undefined => (existsSync(join(outDir, name)) ? (JSON.parse(readFileSync(join(outDir, name), 'utf8')) as T) : undefined);
const facts: ToxicityCardFacts = {
  version: VERSION, date, trained, baselines, rows: rows.filter((r) => r.source !== NEUTRAL_SOURCE).length, neutral: rows.filter((r) => r.source === NEUTRAL_SOURCE).length,
  trainSeconds: (performance.now() - started) / 1000, features: FEATURE_SET,
  trials: readIfThere('toxicity-feature-trials.json'), bench: readIfThere('classifier-bench.json'), learning: readIfThere('learning-eval.json'),
};
writeToxicityCard(join(outDir, `toxicity-v${VERSION}.md`), facts);
const mean = trained.loso.reduce((a, f) => a + f.auc, 0) / trained.loso.length;
log(`done: mean LOSO AUC ${mean.toFixed(3)}; ${trained.stream.map((s) => `${s.source} leak@20% ${s.leak20.toFixed(2)} held ${(s.held * 100).toFixed(1)} %`).join(', ')}`);
