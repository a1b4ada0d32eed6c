/**
 * Measures a built-in classifier on a labelled file, no Redis needed.
 * Usage: npm run eval -- labelled.jsonl [--attribute toxicity|spam] [--hold 0.5] [--prior 0.1]
 *   (lines {"text","label"}, label 0/1; --hold defaults to the default policy's hold threshold)
 * Prints n, ROC-AUC, leak@10% and leak@20% (share of positives published unseen when moderators
 * review the riskiest 10 % / 20 % of a stream resampled to --prior positives), the held share and
 * the share of positives held at the hold threshold (on that stream and on the file as it is),
 * precision, recall and F1 at the threshold, and comments per second.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultPolicy } from '../core/sites/policy.js';
import { heldAt, leakAt, precisionRecallF1, resampleWeights, rocAuc } from '../training/evaluation-metrics.js';
import { spamScorer, toxicityScorer } from '../workers/scoring/built-in-scorers.js';
import { detectLanguage } from '../workers/language/detect-language.js';
import { normalizeForMatching } from '../workers/text/normalize.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { attribute: { type: 'string', default: 'toxicity' }, hold: { type: 'string' }, prior: { type: 'string', default: '0.1' } },
});
const attribute = values.attribute;
if (attribute !== 'toxicity' && attribute !== 'spam') throw new Error('--attribute must be toxicity or spam');
const file = positionals[0];
if (file === undefined) throw new Error('usage: npm run eval -- labelled.jsonl [--attribute toxicity|spam] [--hold 0.5] [--prior 0.1]');
const hold = values.hold !== undefined ? Number(values.hold) : defaultPolicy().thresholds[attribute].hold;
const prior = Number(values.prior);
if (!(hold >= 0 && hold <= 1) || !(prior > 0 && prior < 1)) throw new Error('--hold must be in 0..1 and --prior in (0, 1)');
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
const stream = resampleWeights(labels, prior);
const onStream = heldAt(scores, labels, hold, stream);
const asIs = heldAt(scores, labels, hold);
const { precision, recall, f1 } = precisionRecallF1(scores, labels, hold);
const f = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(4));
const streamName = `${Math.round(prior * 100)}% stream`;
console.log(`attribute: ${attribute}`);
console.log(`n: ${rows.length} (${labels.filter((y) => y === 1).length} positive)`);
console.log(`roc_auc: ${f(rocAuc(scores, labels))}`);
console.log(`leak@10%: ${f(leakAt(scores, labels, 0.1, stream))} (${streamName}: positives published unseen when the riskiest 10 % are reviewed)`);
console.log(`leak@20%: ${f(leakAt(scores, labels, 0.2, stream))} (${streamName})`);
console.log(`held@${hold}: ${f(onStream.held)} of the ${streamName}, ${f(onStream.recall)} of its positives (file as is: ${f(asIs.held)} held)`);
console.log(`precision@${hold}: ${f(precision)}`);
console.log(`recall@${hold}: ${f(recall)}`);
console.log(`f1@${hold}: ${f(f1)}`);
console.log(`comments_per_second: ${Math.round(rows.length / Math.max(seconds, 1e-9))} (language detection + normalization + scoring, one core)`);
