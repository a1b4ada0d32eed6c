/**
 * Builds workers/scoring/reading/dictionary-guard.json: the ordinary French and English words
 * that the obfuscation reader would otherwise rewrite — one edit from a hateful word ("gorge",
 * "ratés") or splittable into words one of which is hateful ("député" = "de pute"). Only that
 * short list ships; the word lists are development dependencies (an-array-of-french-words and
 * an-array-of-english-words, MIT, derived from the Letterpress word list).
 * Usage: npm run build:reading-guard   (run it after changing a lexicon; a unit test checks it is current)
 */
import { writeFileSync } from 'node:fs';
import { readingGuardWords } from '../training/reading-guard-words.js';

const words = readingGuardWords();
writeFileSync(
  new URL('../workers/scoring/reading/dictionary-guard.json', import.meta.url),
  `${JSON.stringify({ words }, null, 0).replace(/","/g, '",\n"')}\n`,
);
console.log(`${words.length} guarded words`);
