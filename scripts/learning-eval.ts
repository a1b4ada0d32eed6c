/**
 * Shows that learning from moderators moves a site's scores (issue 15, must-have 5): for each
 * source, a model trained on every other source scores it; 100, 200 and 300 of its rows are
 * decided by "moderators" and go through the real learning path (comments stored in Redis,
 * lessons queued as a moderator's decision queues them, the real BullMQ learning worker), and
 * the ROC-AUC on the rest of the source (the same rows at every step) is read through the
 * adaptation reader the moderation worker uses. Also two sites that agree with the model.
 * The learning rate of each source is chosen on the other sources only (in memory, same code).
 * Usage: npm run learning-eval [-- --data DIR] [--sources toxifrench-forum,rtplx-fr,…]
 * Needs Redis (REDIS_URL or 127.0.0.1:6379); writes only under a key prefix of its own, deletes
 * it, and closes every connection and worker it opened. Writes models/learning-eval.json.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { newId } from '../core/ids.js';
import { createLogger } from '../core/logger.js';
import { redisKeys } from '../core/redis/keys.js';
import { createLearningQueue } from '../core/queue/learning-queue.js';
import { seededRandom } from '../training/train-logistic.js';
import { leftOutBases, readToxicityRows, type EvalRow } from '../training/learning-eval/left-out-bases.js';
import { simulateLessons, type Lesson } from '../training/learning-eval/simulate-lessons.js';
import { feedDecisions, type SiteUnderTest } from './learning-eval/feed-decisions.js';
import { rocAuc } from '../training/evaluation-metrics.js';
import { FTRL_PARAMS } from '../workers/learning/adaptation-params.js';
import { adaptationFeatures, type AdaptationFeatures } from '../workers/learning/adaptation-features.js';
import type { FtrlParams } from '../workers/learning/ftrl.js';
import { normalizeForMatching } from '../workers/text/normalize.js';

const CHECKPOINTS = [100, 200, 300];
/** The candidates for the learning rate and the L1 strength. */
const GRID = [0.3, 1, 3].flatMap((alpha) => [0.1, 0.3].map((l1) => ({ ...FTRL_PARAMS, alpha, l1 })));
const FRENCH = ['toxifrench-forum', 'rtplx-fr', 'jigsaw-fr', 'mlma', 'ftr'];
const { values: a } = parseArgs({
  options: { data: { type: 'string' }, sources: { type: 'string', default: [...FRENCH, 'rtplx-en', 'jigsaw'].join(',') } },
});
const dataDir = resolve(a.data ?? process.env.DATASETS_DIR ?? '/work/shared/datasets');
const sources = a.sources!.split(',');

const rows = readToxicityRows(dataDir);
console.log(`${rows.length} rows; training a left-out model for each of ${sources.length} sources…`);
const bases = leftOutBases(rows, sources);

/** The source's rows in a fixed random order: lessons from the front, the measure on the rest. */
function shuffled(source: string): number[] {
  const held = [...bases.get(source)!.keys()];
  const random = seededRandom(11);
  for (let i = held.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [held[i], held[j]] = [held[j]!, held[i]!];
  }
  return held;
}
const features = new Map<number, AdaptationFeatures>();
const featuresOf = (r: number) => features.get(r) ?? features.set(r, adaptationFeatures(normalizeForMatching(rows[r]!.text))).get(r)!;
const oddsDraws = seededRandom(5);
const draws = new Map(rows.map((_, r) => [r, oddsDraws()]));
/** A site that agrees with the model's odds: it rejects a comment as often as the score says. */
const agreeingLabel = (source: string, r: number): 0 | 1 => (draws.get(r)! < bases.get(source)!.get(r)! ? 1 : 0);

const gains = new Map<string, number>();
/** AUC gain after 300 simulated lessons of one source with these constants (computed once per source, constants and kind of site). */
function simulatedGain(source: string, params: FtrlParams, site: 'true' | 'agreeing'): number {
  const key = `${source}:${params.alpha}:${params.l1}:${site}`;
  if (!gains.has(key)) gains.set(key, simulate(source, params, site === 'true' ? (r) => rows[r]!.label : (r) => agreeingLabel(source, r)));
  return gains.get(key)!;
}
function simulate(source: string, params: FtrlParams, labelOf: (r: number) => 0 | 1): number {
  const order = shuffled(source).map((r): Lesson => ({ features: featuresOf(r), base: bases.get(source)!.get(r)!, label: labelOf(r) }));
  const test = order.slice(300);
  return simulateLessons(order.slice(0, 300), test, params) - rocAuc(test.map((t) => t.base), test.map((t) => t.label));
}

/**
 * The constants chosen on the other sources only (never on the measured one): the best mean of
 * the AUC gain with their true labels, minus any loss on a site that agrees with the model's odds.
 */
function chooseParams(measured: string): FtrlParams {
  const others = sources.filter((s) => s !== measured);
  let best = { params: FTRL_PARAMS, value: -Infinity };
  for (const params of GRID) {
    const value = others.reduce((sum, s) => sum + simulatedGain(s, params, 'true') + Math.min(0, simulatedGain(s, params, 'agreeing')), 0) / others.length;
    if (value > best.value) best = { params, value };
  }
  return best.params;
}

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
const prefix = `learneval${randomBytes(3).toString('hex')}`;
const deps = { redis, keys: redisKeys(prefix), log: createLogger('silent', 'learning-eval'), now: Date.now, newId };
const queue = createLearningQueue(redis, deps.keys);

interface Result {
  source: string;
  site: string;
  lessons: number;
  testRows: number;
  rate: number;
  l1: number;
  before: number;
  after: number;
  meanShift: number;
}
const results: Result[] = [];
const print = (r: Result) =>
  console.log(`${r.site.padEnd(34)} ${String(r.lessons).padStart(7)} ${String(r.testRows).padStart(9)} ${String(r.rate).padStart(5)} ${String(r.l1).padStart(4)} ${r.before.toFixed(3).padStart(10)} ${r.after.toFixed(3).padStart(9)} ${r.meanShift.toFixed(3).padStart(10)}`);

let cleaned: Promise<void> | undefined;
/** Deletes every key the run wrote and closes its connections; once, whether the run ends, fails or is interrupted. */
const cleanUp = () =>
  (cleaned ??= (async () => {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    for (const pattern of [`${prefix}:*`, `{${prefix}:*`]) {
      const keys = await redis.keys(pattern);
      for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
    }
    await redis.quit();
  })());
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

try {
  const forum = sources.includes('toxifrench-forum') ? 'toxifrench-forum' : sources[0]!;
  const sites: SiteUnderTest[] = sources.map((source) => ({ name: source, source, labelOf: (r) => rows[r]!.label }));
  // a site whose moderators agree with the model: they reject what it calls toxic (≥ 0.5) …
  sites.push({ name: `${forum} (agrees: model's calls)`, source: forum, labelOf: (r) => (bases.get(forum)!.get(r)! >= 0.5 ? 1 : 0) });
  // … and one that agrees with its probabilities (a reject as often as the score says)
  sites.push({ name: `${forum} (agrees: model's odds)`, source: forum, labelOf: (r) => agreeingLabel(forum, r) });

  console.log(`${'site'.padEnd(34)} lessons test rows  rate   l1 AUC before AUC after mean |Δp|`);
  for (const site of sites) {
    const params = chooseParams(site.source);
    const order = shuffled(site.source);
    const base = (r: number) => bases.get(site.source)!.get(r)!;
    const checkpoints = await feedDecisions({ deps, queue, redisUrl: process.env.REDIS_URL, rows: rows as EvalRow[] }, site, order, base, CHECKPOINTS, params);
    for (const c of checkpoints) {
      const r = { source: site.source, site: site.name, rate: params.alpha, l1: params.l1, ...c };
      results.push(r);
      print(r);
    }
  }
  const date = new Date().toISOString().slice(0, 10);
  writeFileSync(new URL('../models/learning-eval.json', import.meta.url), JSON.stringify({ date, command: 'npm run learning-eval', results }, null, 2) + '\n');
} finally {
  await cleanUp();
}
