import { readFileSync } from 'node:fs';

/** Reads a JSONL file into objects, skipping blank lines. */
export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
