/**
 * Measures the shipped spam scorer on the French regional spam test set written for this project
 * (tests/fixtures/spam-fr-region.jsonl), split by split: precision, recall, false positives (and how
 * many of them gave a phone number or an e-mail for a legitimate reason), ROC-AUC, recall by scam family.
 * Usage: npm run eval:spam-fr [-- --verbose]   (--verbose prints the misses and the false positives with their scores)
 */
import { parseArgs } from 'node:util';
import { spamScorer } from '../workers/scoring/built-in-scorers.js';
import { evaluateFrenchSpam, HOLD_THRESHOLD, readFrenchSpamCases } from '../training/spam/french-spam-evaluation.js';
import { detectLanguage } from '../workers/language/detect-language.js';
import { normalizeForMatching } from '../workers/text/normalize.js';

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false } } });
const cases = readFrenchSpamCases();
const f = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));
console.log(`French regional spam, ${spamScorer.name} v${spamScorer.version}, hold threshold ${HOLD_THRESHOLD}`);
for (const split of ['dev', 'heldout', 'stress', 'fresh'] as const) {
  const r = evaluateFrenchSpam(spamScorer, cases.filter((c) => c.split === split), split);
  console.log(`\n${split}: ${r.spam} spam, ${r.legitimate} legitimate`);
  console.log(`  precision@${HOLD_THRESHOLD}: ${f(r.precision)}`);
  console.log(`  recall@${HOLD_THRESHOLD}: ${f(r.recall)}`);
  console.log(`  false_positives: ${r.falsePositives} of ${r.legitimate} (${((100 * r.falsePositives) / r.legitimate).toFixed(1)} %)`);
  console.log(`  false_positives_legitimate_contact: ${r.legitContactFalsePositives} of ${r.legitContactCases}`);
  console.log(`  roc_auc: ${f(r.auc)}`);
  console.log(`  recall_by_family: ${Object.entries(r.recallByKind).map(([k, v]) => `${k} ${v.caught}/${v.of}`).join(', ')}`);
  console.log(`  held_by_kind: ${Object.entries(r.falsePositivesByKind).map(([k, v]) => `${k} ${v.flagged}/${v.of}`).join(', ')}`);
  if (values.verbose) {
    const byId = new Map(cases.map((c) => [c.id, c]));
    for (const id of [...r.missed, ...r.flagged]) {
      const c = byId.get(id)!;
      const p = spamScorer.score(normalizeForMatching(c.text), detectLanguage(c.text)).scores.spam ?? 0;
      console.log(`  ${r.missed.includes(id) ? 'missed' : 'held'} ${id} ${p.toFixed(3)} ${c.text}`);
    }
  }
}
