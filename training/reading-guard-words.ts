import { createRequire } from 'node:module';
import { isProtectedWord, SIGNAL_WORDS } from '../workers/scoring/reading/signal-words.js';
import { FUZZY, splitGlued } from '../workers/scoring/reading/repair-words.js';

const require = createRequire(import.meta.url);
const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The dictionary words the obfuscation reader must leave alone, computed from the French and
 * English word lists (development dependencies): build-time only, never loaded by the worker.
 */
export function readingGuardWords(): string[] {
  const lists = [require('an-array-of-french-words') as string[], require('an-array-of-english-words') as string[]];
  const guard = new Set<string>();
  for (const list of lists) {
    for (const raw of list) {
      const word = fold(raw);
      if (!/^[a-z]+$/.test(word) || SIGNAL_WORDS.has(word) || isProtectedWord(word)) continue;
      if (FUZZY.lookup(word) !== undefined || (word.length >= 5 && splitGlued(word) !== undefined)) guard.add(word);
    }
  }
  return [...guard].sort();
}
