import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommentLanguage } from '../../protocol/language.js';
import { cleanTrainingText } from '../clean-training-text.js';
import { neutralGroupComments } from '../neutral-group-comments.js';
import { readJsonl } from '../read-jsonl.js';

export interface SpamRow { text: string; label: number; lang: CommentLanguage; source: string }

/** The dataset sources, each left out in turn, and ours. */
export const DATASET_SOURCES = ['youtube-psy', 'youtube-katyperry', 'youtube-lmfao', 'sms'] as const;
/** French spam and legitimate comments written for this project (training/spam-fr-written.jsonl), never the test fixture. */
export const WRITTEN_SOURCE = 'palabre-fr-written';
export const NEUTRAL_SOURCE = 'neutral-groups';
const WRITTEN_FILE = fileURLToPath(new URL('../spam-fr-written.jsonl', import.meta.url));

/** spam-en.jsonl from the shared datasets, our written French cases, and the civil group comments as negatives. */
export function spamTrainingRows(dataDir: string): SpamRow[] {
  const lang = (l: string): CommentLanguage => (l === 'fr' || l === 'en' ? l : 'other');
  const dataset = readJsonl<SpamRow>(join(dataDir, 'spam-en.jsonl')).map((r) => ({ text: cleanTrainingText(r.text), label: r.label, lang: lang(r.lang), source: r.source }));
  const written = readJsonl<SpamRow>(WRITTEN_FILE).map((r) => ({ text: r.text, label: r.label, lang: 'fr' as const, source: WRITTEN_SOURCE }));
  const neutral = neutralGroupComments().map((c) => ({ ...c, label: 0, source: NEUTRAL_SOURCE }));
  return [...dataset, ...written, ...neutral];
}

/** Training weights: every source counts the same, classes balanced inside a source; the neutral set a quarter of a source. */
export function balancedWeights(rows: readonly SpamRow[]): Float32Array {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(`${r.source}:${r.label}`, (counts.get(`${r.source}:${r.label}`) ?? 0) + 1);
  return Float32Array.from(rows, (r) => (r.source === NEUTRAL_SOURCE ? 0.25 : 0.5) / counts.get(`${r.source}:${r.label}`)!);
}

/**
 * Weights of a comment stream where `prior` of comments are spam: sources count the same inside each
 * class (the neutral set as a quarter of one), so a score is that stream's probability.
 */
export function streamWeights(rows: readonly SpamRow[], prior: number): Float32Array {
  const counts = new Map<string, number>();
  const key = (r: SpamRow) => `${r.source}:${r.label}`;
  for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  const share = (r: SpamRow) => (r.source === NEUTRAL_SOURCE ? 0.25 : 1);
  const mass = [0, 1].map((label) => [...new Set(rows.filter((r) => r.label === label).map((r) => r.source))].reduce((a, s) => a + (s === NEUTRAL_SOURCE ? 0.25 : 1), 0));
  return Float32Array.from(rows, (r) => ((r.label === 1 ? prior : 1 - prior) * share(r)) / mass[r.label]! / counts.get(key(r))!);
}
