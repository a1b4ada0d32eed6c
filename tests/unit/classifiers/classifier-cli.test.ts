import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'palabre-classifier-cli-'));
const run = (script: string, args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, encoding: 'utf8' });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('classifier CLIs', () => {
  it('scores a JSONL file into one line per comment, in order, with language, scores and spans', () => {
    const file = join(dir, 'comments.jsonl');
    const comments = [
      { id: 'c1', text: 'Merci pour cet article très complet sur la saison des pluies.' },
      { id: 'c2', text: "Franchement t'es qu'un c0nn4rd." },
      { id: 'c3', text: 'Check out my channel and subscribe!!! http://bit.ly/abc' },
    ];
    writeFileSync(file, comments.map((c) => JSON.stringify(c)).join('\n') + '\n');
    const lines = run('scripts/score.ts', [file]).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['c1', 'c2', 'c3']);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['id', 'lang', 'scores', 'spans']);
      expect(['fr', 'en', 'other']).toContain(line.lang);
      expect(line.scores.toxicity).toBeGreaterThanOrEqual(0);
      expect(line.scores.spam).toBeLessThanOrEqual(1);
    }
    expect(lines[0].lang).toBe('fr');
    expect(lines[0].scores.toxicity).toBeLessThan(0.5);
    expect(lines[1].scores.insult).toBeGreaterThanOrEqual(0.5);
    expect(lines[1].spans.some((s: { attribute: string; start: number; end: number }) =>
      s.attribute === 'insult' && comments[1]!.text.slice(s.start, s.end) === 'c0nn4rd')).toBe(true);
    expect(lines[2].scores.spam).toBeGreaterThanOrEqual(0.5);
  }, 60_000);

  it('evaluates a labelled file and prints n, ROC-AUC, leak@10% and leak@20%, the held share at the hold threshold, precision, recall, F1 and speed', () => {
    const file = join(dir, 'labelled.jsonl');
    const rows = [
      { text: 'Espèce de connard, ferme ta gueule.', label: 1 },
      { text: 'Je vais te retrouver et te tuer.', label: 1 },
      { text: 'You are a worthless piece of shit.', label: 1 },
      { text: 'Bravo aux Lions pour cette victoire.', label: 0 },
      { text: 'Le maire devrait publier le budget de la commune.', label: 0 },
      { text: 'Thanks for the clear explanation of the new tax.', label: 0 },
    ];
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
    const out = run('scripts/eval.ts', [file, '--attribute', 'toxicity']);
    expect(out).toMatch(/^attribute: toxicity$/m);
    expect(out).toMatch(/^n: 6 \(3 positive\)$/m);
    expect(out).toMatch(/^roc_auc: 1\.0000$/m);
    // every toxic comment ranks above every clean one: reviewing the riskiest 10 % of a 10 % stream catches them all
    expect(out).toMatch(/^leak@10%: 0\.0000 /m);
    expect(out).toMatch(/^leak@20%: 0\.0000 /m);
    expect(out).toMatch(/^held@0\.5: \d\.\d{4} of the 10% stream, \d\.\d{4} of its positives/m);
    expect(out).toMatch(/^precision@0\.5: \d\.\d{4}$/m);
    expect(out).toMatch(/^recall@0\.5: \d\.\d{4}$/m);
    expect(out).toMatch(/^f1@0\.5: \d\.\d{4}$/m);
    expect(out).toMatch(/^comments_per_second: \d+/m);
  }, 60_000);
});
