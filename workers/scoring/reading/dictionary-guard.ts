// imported, not read from disk, so the build copies it next to the compiled code
import guard from './dictionary-guard.json' with { type: 'json' };

// built by `npm run build:reading-guard` from French and English word lists (training/reading-guard-words.ts)
const GUARD = new Set<string>(guard.words);

/**
 * Whether a folded word is an ordinary French or English word that the obfuscation reader would
 * otherwise take for a misspelt or glued hateful word ("gorge", "depute", "raton").
 */
export const isDictionaryWord = (word: string): boolean => GUARD.has(word);
