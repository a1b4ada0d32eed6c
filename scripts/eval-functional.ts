/**
 * The functional suite (tests/functional): accuracy per category of comments written for
 * Palabre, each decided by the real check list and `decideStatus` with the default policy.
 * Usage: npm run eval:functional [-- --failures]   Exits 1 when a severe or benign category is under 95 %.
 */
import { runFunctional } from '../tests/functional/run-functional.js';

const showFailures = process.argv.includes('--failures');
const results = runFunctional();
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
console.log('| category | kind | expected | French | English | accuracy | bar |');
console.log('|---|---|---|---|---|---|---|');
let failed = false;
for (const r of results) {
  const gating = r.category.kind !== 'abuse';
  const under = r.accuracy < r.bar;
  if (gating && under) failed = true;
  console.log(
    `| ${r.category.id} | ${r.category.kind} | ${r.category.expect} | ${r.fr.passed}/${r.fr.total} | ${r.en.passed}/${r.en.total} | ` +
      `${pct(r.accuracy)}${under ? (gating ? ' ✗' : ' (under)') : ''} | ${pct(r.bar)} |`,
  );
}
const all = results.reduce((n, r) => n + r.fr.total + r.en.total, 0);
const passed = results.reduce((n, r) => n + r.fr.passed + r.en.passed, 0);
console.log(`\n${passed}/${all} cases as a moderator would decide (${pct(passed / all)})`);
if (showFailures) {
  for (const r of results) {
    for (const f of r.failures) console.log(`${r.category.id}\t${f.status}\t${JSON.stringify(f.scores)}\t${f.text}`);
  }
}
if (failed) {
  console.error('a severe or benign category is under its 95 % bar');
  process.exit(1);
}
