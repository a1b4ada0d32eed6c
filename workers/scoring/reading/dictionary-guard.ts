import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// built by `npm run build:reading-guard` from French and English word lists (see the script)
const GUARD = new Set((require('./dictionary-guard.json') as { words: string[] }).words);

/**
 * Whether a folded word is an ordinary French or English word that the obfuscation reader would
 * otherwise take for a misspelt or glued hateful word ("gorge", "depute", "bâtonner").
 */
export const isDictionaryWord = (word: string): boolean => GUARD.has(word);
