import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadModel, type StoredLinearModel } from './linear-model.js';
import type { FeatureSet } from './feature-set.js';
import { SPAM_MODEL_VERSION } from '../spam/spam-stack.js';

/** Shipped model files, `models/<name>-v<version>.json`, written by `npm run train`; each model has its own version. */
export const MODEL_VERSIONS = { toxicity: '3', spam: SPAM_MODEL_VERSION } as const;
export type ModelName = keyof typeof MODEL_VERSIONS;

/** What v2 model files read (they predate the `features` field). */
export const V2_FEATURES: FeatureSet = { charMin: 2, charMax: 4, crossWords: false, stems: false, gapPairs: false };

interface ModelFile {
  name: string;
  version: string;
  created: string;
  /** The n-gram features its models read; absent in v2 files. */
  features?: FeatureSet;
  models: StoredLinearModel[];
}

/** Finds models/ from source (workers/scoring/model) or from the build (dist/workers/scoring/model). */
function modelPath(file: string): string {
  for (const up of ['../../../models/', '../../../../models/']) {
    const path = fileURLToPath(new URL(up + file, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error(`model file ${file} not found next to the code; run \`npm run train\``);
}

/** Reads one shipped model file synchronously (once, at import), validating every model in it. */
export function readModelFile(name: ModelName, version: string = MODEL_VERSIONS[name]): { created: string; features: FeatureSet; models: StoredLinearModel[] } {
  const file = JSON.parse(readFileSync(modelPath(`${name}-v${version}.json`), 'utf8')) as ModelFile;
  for (const stored of file.models) loadModel(stored); // validates hash size and lexicon features
  return { created: file.created, features: file.features ?? V2_FEATURES, models: file.models };
}
