import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { abuseOf } from '../../../workers/scoring/abuse/abuse-of.js';
import { normalizeForMatching } from '../../../workers/text/normalize.js';

const root = new URL('../../../', import.meta.url);
// a negation followed (reading backwards) by a filler once sent the generalisation reader into an endless loop
const NEGATED = ['Les Maliens sont vraiment pas des voleurs.', 'Muslims are really not all terrorists.', 'Les Peuls ne sont tous jamais pas des bandits'];

describe('targeted abuse with a negation', () => {
  it('reads a denied generalisation and returns, in a separate process so a loop cannot hang the suite', () => {
    const script = `import { abuseOf } from './workers/scoring/abuse/abuse-of.ts';
import { normalizeForMatching } from './workers/text/normalize.ts';
for (const t of ${JSON.stringify(NEGATED)}) abuseOf(normalizeForMatching(t));
console.log('done');`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(run.error).toBeUndefined();
    expect(run.stdout.trim()).toBe('done');
  }, 40_000);

  it('does not count a denied generalisation as abuse, and still counts the plain one', () => {
    expect(abuseOf(normalizeForMatching('Les Maliens sont vraiment pas des voleurs.'))).toEqual([]);
    expect(abuseOf(normalizeForMatching('Les Maliens sont tous des voleurs.')).length).toBeGreaterThan(0);
  });
});
