/**
 * Shows that learning from moderators works (issue: "train on all shared sources but one, then
 * feed 200 labelled examples of the left-out source through the learning path and report the
 * AUC on the rest of that source before and after").
 * Usage: npm run learning-eval [-- --data DIR] [--sources mlma,ftr,jigsaw] [--lessons 200]
 * Needs Redis (REDIS_URL or 127.0.0.1:6379); writes only under a key prefix of its own, then deletes it.
 * Writes models/learning-eval.json, which `npm run train` puts in the toxicity model card.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { newId } from '../core/ids.js';
import { createLogger } from '../core/logger.js';
import { readAdaptations } from '../core/learning/site-adaptation-store.js';
import { redisKeys } from '../core/redis/keys.js';
import { cleanTrainingText } from '../training/clean-training-text.js';
import { buildFeatureTable } from '../training/feature-table.js';
import { probability } from '../workers/scoring/model/linear-model.js';
import { readModelFile } from '../workers/scoring/model/model-file.js';
import { rocAuc } from '../training/evaluation-metrics.js';
import { readJsonl } from '../training/read-jsonl.js';
import { seededRandom, tableMargins, trainLogistic } from '../training/train-logistic.js';
import { TOXICITY_OPTIONS } from '../training/training-options.js';
import { adaptationFeatures } from '../workers/learning/adaptation-features.js';
import { adaptedProbability } from '../workers/learning/adaptation-math.js';
import { learnFromText } from '../workers/learning/learn-from-decision.js';
import type { CommentLanguage } from '../protocol/language.js';
import { normalizeForMatching } from '../workers/text/normalize.js';

interface Row { text: string; label: number; lang: CommentLanguage; source: string }
const { values: a } = parseArgs({
  options: { data: { type: 'string' }, sources: { type: 'string', default: 'mlma,ftr,jigsaw' }, lessons: { type: 'string', default: '200' } },
});
const dataDir = resolve(a.data ?? process.env.DATASETS_DIR ?? '../shared/datasets');
const lessons = Number(a.lessons);
const load = (file: string): Row[] =>
  readJsonl<Row>(join(dataDir, file)).map((r) => ({ ...r, text: cleanTrainingText(r.text), lang: r.lang === 'fr' || r.lang === 'en' ? r.lang : 'other' }));
const rows = [...load('toxicity-en.jsonl'), ...load('toxicity-fr.jsonl')];
const labels = Uint8Array.from(rows, (r) => r.label);
// every source counts the same and classes are balanced inside a source, as in npm run train
const counts = new Map<string, number>();
for (const r of rows) counts.set(`${r.source}:${r.label}`, (counts.get(`${r.source}:${r.label}`) ?? 0) + 1);
const weights = Float32Array.from(rows, (r) => 0.5 / counts.get(`${r.source}:${r.label}`)!);
const table = buildFeatureTable(rows);
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const prefix = `learneval${randomBytes(3).toString('hex')}`;
const deps = { redis, keys: redisKeys(prefix), log: createLogger('silent', 'learning-eval'), now: Date.now, newId };

const shipped = readModelFile('toxicity').models.find((m) => m.attribute === 'toxicity')!;
console.log(`source    lessons  test rows  AUC before  AUC after`);
const results: Array<{ source: string; lessons: number; testRows: number; before: number; after: number }> = [];
try {
  for (const source of a.sources!.split(',')) {
    const train = Int32Array.from(rows.flatMap((r, i) => (r.source !== source ? [i] : [])));
    const held = rows.flatMap((r, i) => (r.source === source ? [i] : []));
    const random = seededRandom(11);
    for (let i = held.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [held[i], held[j]] = [held[j]!, held[i]!];
    }
    // the left-out model's margins through the shipped calibration: the scores the learning path sees in production
    const model = { ...trainLogistic('toxicity', table, train, labels, weights, TOXICITY_OPTIONS), platt: shipped.platt, ceiling: shipped.ceiling };
    const margins = tableMargins(model, table, Int32Array.from(held));
    const base = new Map(held.map((r, i) => [r, probability(model, margins[i]!)]));
    const siteId = `site-${source}`;
    // the moderators' decisions on the first rows of the left-out source, through the learning path
    for (const r of held.slice(0, lessons)) {
      await learnFromText(deps, siteId, rows[r]!.text, { toxicity: labels[r] as 0 | 1 }, rows[r]!.lang, () => base.get(r)!);
    }
    const test = held.slice(lessons);
    const before = test.map((r) => base.get(r)!);
    const after: number[] = [];
    for (const r of test) {
      const features = adaptationFeatures(normalizeForMatching(rows[r]!.text));
      const learned = (await readAdaptations(deps, siteId, features.buckets)).toxicity;
      after.push(learned ? adaptedProbability(base.get(r)!, learned.bias, learned.weights, features.values) : base.get(r)!);
    }
    const y = test.map((r) => labels[r]!);
    results.push({ source, lessons, testRows: test.length, before: rocAuc(before, y), after: rocAuc(after, y) });
    console.log(`${source.padEnd(9)} ${String(lessons).padStart(7)}  ${String(test.length).padStart(9)}  ${rocAuc(before, y).toFixed(3).padStart(10)}  ${rocAuc(after, y).toFixed(3).padStart(9)}`);
  }
  const date = new Date().toISOString().slice(0, 10);
  writeFileSync(new URL('../models/learning-eval.json', import.meta.url), JSON.stringify({ date, results }, null, 2));
} finally {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
}
