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

describe('a threat denied inside its frame', () => {
  it('reads "I am not going to kill you" as denied, so the model alone does not hold it', async () => {
    const { builtInScorer } = await import('../../../workers/scoring/model/linear-scorer.js');
    const { severeHarmOf } = await import('../../../workers/scoring/severe-harm/severe-harm-of.js');
    const text = normalizeForMatching('I am not going to kill you, I am going to answer you.');
    expect(severeHarmOf(text).harms).toEqual([]);
    expect(severeHarmOf(text).defused.length).toBeGreaterThan(0);
    expect(builtInScorer.score(text, 'en').scores.toxicity).toBeLessThan(0.5);
    // the same words without the denial stay a threat
    expect(severeHarmOf(normalizeForMatching('I am going to kill you.')).severe).toBeGreaterThanOrEqual(0.8);
  });
});
