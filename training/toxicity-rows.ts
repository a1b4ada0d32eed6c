import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CommentLanguage } from '../protocol/language.js';
import { cleanTrainingText } from './clean-training-text.js';
import { neutralGroupComments } from './neutral-group-comments.js';
import { readJsonl } from './read-jsonl.js';

/** The parts of toxicity a source may annotate, 0/1 per row (datasets README, `attributes`). */
export const ANNOTATED_ATTRIBUTES = ['insult', 'threat', 'identity_attack', 'profanity'] as const;
export type AnnotatedAttribute = (typeof ANNOTATED_ATTRIBUTES)[number];

export interface TrainingRow {
  text: string;
  label: number;
  lang: CommentLanguage;
  /** The row's own `source` field: a file may hold several (toxicity-fr-extra holds three). */
  source: string;
  attributes?: Partial<Record<AnnotatedAttribute, number>>;
}

/** Every toxicity file of the datasets folder; a missing `-extra` file is skipped so older copies still train. */
export const TOXICITY_FILES = ['toxicity-en.jsonl', 'toxicity-fr.jsonl', 'toxicity-fr-extra.jsonl', 'toxicity-en-extra.jsonl'] as const;
/** Civil comments naming groups, written for this project: negatives, never a held-out source. */
export const NEUTRAL_SOURCE = 'neutral-groups';

/** Reads one JSONL file of labelled rows, cleaned of collection artefacts. */
export function loadRows(dataDir: string, file: string): TrainingRow[] {
  return readJsonl<TrainingRow>(join(dataDir, file)).map((r) => ({
    text: cleanTrainingText(r.text),
    label: r.label,
    lang: r.lang === 'fr' || r.lang === 'en' ? r.lang : 'other',
    source: r.source,
    ...(r.attributes ? { attributes: r.attributes } : {}),
  }));
}

/** Every toxicity row of every source, then the project's neutral group comments (label 0). */
export function loadToxicityRows(dataDir: string): TrainingRow[] {
  const rows = TOXICITY_FILES.filter((f) => f.endsWith('en.jsonl') || f.endsWith('fr.jsonl') || existsSync(join(dataDir, f))).flatMap((f) => loadRows(dataDir, f));
  const neutral = neutralGroupComments().map((c): TrainingRow => ({ ...c, label: 0, source: NEUTRAL_SOURCE }));
  return [...rows, ...neutral];
}

/** The held-out sources, in the order the files list them, with their language (the language most of their rows have). */
export function sourcesOf(rows: readonly TrainingRow[]): Array<{ source: string; lang: CommentLanguage }> {
  const langs = new Map<string, Map<CommentLanguage, number>>();
  for (const r of rows) {
    if (r.source === NEUTRAL_SOURCE) continue;
    const byLang = langs.get(r.source) ?? new Map<CommentLanguage, number>();
    byLang.set(r.lang, (byLang.get(r.lang) ?? 0) + 1);
    langs.set(r.source, byLang);
  }
  return [...langs].map(([source, byLang]) => ({ source, lang: [...byLang].sort((a, b) => b[1] - a[1])[0]![0] }));
}
