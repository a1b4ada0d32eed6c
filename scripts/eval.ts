/**
 * Measures a built-in classifier on a labelled file, no Redis needed.
 * Usage: npm run eval -- labelled.jsonl [--attribute toxicity|spam]   (lines {"text","label"}, label 0/1)
 * Prints n, ROC-AUC, precision, recall and F1 at the hold threshold 0.5, and comments per second.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { spamScorer, toxicityScorer } from '../workers/scoring/built-in-scorers.js';
import { precisionRecallF1, rocAuc } from '../training/evaluation-metrics.js';
import { detectLanguage } from '../workers/language/detect-language.js';
import { normalizeForMatching } from '../workers/text/normalize.js';

const HOLD_THRESHOLD = 0.5;
const { values, positionals } = parseArgs({ allowPositionals: true, options: { attribute: { type: 'string', default: 'toxicity' } } });
const attribute = values.attribute;
if (attribute !== 'toxicity' && attribute !== 'spam') throw new Error('--attribute must be toxicity or spam');
const file = positionals[0];
if (file === undefined) throw new Error('usage: npm run eval -- labelled.jsonl [--attribute toxicity|spam]');
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { text: string; label: number | boolean });
// the scorers the checks use: spam includes the regional evidence (workers/scoring/spam/)
const scorer = attribute === 'spam' ? spamScorer : toxicityScorer;
const labels = rows.map((r) => (r.label === 1 || r.label === true ? 1 : 0));
const started = performance.now();
// per comment as the worker does it: language, normalization, scoring
const scores = rows.map((r) => scorer.score(normalizeForMatching(r.text), detectLanguage(r.text)).scores[attribute] ?? 0);
const seconds = (performance.now() - started) / 1000;
const { precision, recall, f1 } = precisionRecallF1(scores, labels, HOLD_THRESHOLD);
const f = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(4));
console.log(`attribute: ${attribute}`);
console.log(`n: ${rows.length} (${labels.filter((y) => y === 1).length} positive)`);
console.log(`roc_auc: ${f(rocAuc(scores, labels))}`);
console.log(`precision@${HOLD_THRESHOLD}: ${f(precision)}`);
console.log(`recall@${HOLD_THRESHOLD}: ${f(recall)}`);
console.log(`f1@${HOLD_THRESHOLD}: ${f(f1)}`);
console.log(`comments_per_second: ${Math.round(rows.length / Math.max(seconds, 1e-9))} (language detection + normalization + scoring, one core)`);
