/**
 * Speed of the built-in checks per comment, on one core: every check of workers/checks/index.ts
 * (with the trained classifiers), and the same list with the lexicon scorers in their place.
 * Usage: npx tsx bench/classifier-bench.ts   (writes models/classifier-bench.json for the model cards)
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { checks } from '../workers/checks/index.js';
import { defineScoreCheck } from '../workers/checks/score-check.js';
import type { Check, CheckContext } from '../workers/checks/types.js';
import { builtInScorer } from '../workers/scoring/model/linear-scorer.js';
import { lexiconSpamScorer, lexiconToxicityScorer } from '../training/lexicon-scorer.js';
import { spamScorer } from '../workers/scoring/built-in-scorers.js';
import { regionalSpamFeatures } from '../workers/scoring/spam/regional-spam-features.js';
import { normalizeForMatching } from '../workers/text/normalize.js';
import { contextFor } from '../tests/unit/checks/check-context.js';

// 300 characters of a heated but ordinary French news comment, with one link
const BASE =
  "Franchement ce gouvernement nous prend pour des imbéciles : le prix du riz a encore augmenté, les routes de " +
  "Yopougon sont toujours défoncées et on nous parle de croissance. Lisez l'enquête sur https://exemple.ci/a/123 " +
  "avant de défendre ces gens. Le ministre doit s'expliquer devant l'Assemblée, point.";
const COMMENT = BASE.slice(0, 300);
const WARMUP = 2_000;
const RUNS = 20_000;

// the checks as they were with the hand-made lexicon scorers, for comparison
const withLexicons: readonly Check[] = checks.map((check) =>
  check.checkName === 'toxicityScore'
    ? defineScoreCheck({ name: 'toxicityScore', version: '2', code: 'toxic_language', scorer: lexiconToxicityScorer })
    : check.checkName === 'spamScore'
      ? defineScoreCheck({ name: 'spamScore', version: '2', code: 'spam_signals', scorer: lexiconSpamScorer })
      : check,
);

// distinct comments, so no per-text cache helps: the worker sees each comment once
const contexts: CheckContext[] = Array.from({ length: 1_000 }, (_, i) => contextFor(`${COMMENT.slice(0, 296)} ${String(i).padStart(3, '0')}`));

function measure(name: string, run: (ctx: CheckContext) => void) {
  for (let i = 0; i < WARMUP; i++) run({ ...contexts[i % contexts.length]!, text: normalizeForMatching(contexts[i % contexts.length]!.comment.body) });
  const times = new Float64Array(RUNS);
  for (let i = 0; i < RUNS; i++) {
    const base = contexts[i % contexts.length]!;
    const ctx = { ...base, text: normalizeForMatching(base.comment.body) }; // fresh text: no cache hit
    const t0 = performance.now();
    run(ctx);
    times[i] = performance.now() - t0;
  }
  times.sort();
  const median = times[Math.floor(RUNS / 2)]!;
  const p99 = times[Math.floor(RUNS * 0.99)]!;
  console.log(`${name}: median ${median.toFixed(4)} ms, p99 ${p99.toFixed(4)} ms per comment`);
  return { median, p99 };
}

const runAll = (list: readonly Check[]) => (ctx: CheckContext) => {
  for (const check of list) check(ctx);
};
console.log(`comment: ${COMMENT.length} characters, ${checks.length} checks, ${RUNS} runs; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
const withModels = measure('built-in checks (trained classifiers)', runAll(checks));
const lexicons = measure('the same checks with the lexicon scorers', runAll(withLexicons));
const scorer = measure('builtInScorer alone (all attributes)', (ctx) => builtInScorer.score(ctx.text, ctx.lang));
const spam = measure('spamScorer alone (n-gram model + regional stack)', (ctx) => spamScorer.score(ctx.text, ctx.lang));
const regional = measure('regional spam features alone (scam families, contact handles)', (ctx) => regionalSpamFeatures(ctx.text));
const normalize = measure('normalizeForMatching (done once by the worker)', (ctx) => normalizeForMatching(ctx.comment.body));
writeFileSync(
  new URL('../models/classifier-bench.json', import.meta.url),
  JSON.stringify({
    date: new Date().toISOString().slice(0, 10),
    commentChars: COMMENT.length,
    checks: checks.length,
    medianMs: withModels.median,
    p99Ms: withModels.p99,
    lexiconMedianMs: lexicons.median,
    lexiconP99Ms: lexicons.p99,
    scorerMedianMs: scorer.median,
    scorerP99Ms: scorer.p99,
    normalizeMedianMs: normalize.median,
    spamScorerMedianMs: spam.median,
    regionalSpamMedianMs: regional.median,
    loadAverage: os.loadavg()[0],
  }, null, 2),
);
