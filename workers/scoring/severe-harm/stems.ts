import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';

/**
 * Stems of folded words (no accents, lowercase), French and English, from the Snowball stemmers
 * of `@orama/stemmers`. Comments are folded before matching, and Snowball's French rules read
 * accents, so on folded words a few endings survive ("tuons", "tuees"): they are stripped here,
 * so every form of a verb or noun lands on one key ("tuer", "tuait", "tuerons", "tuées" → "tu").
 */
export type StemLang = 'fr' | 'en';

// endings Snowball leaves on folded French words; longest first, a key keeps at least 3 letters
const FRENCH_LEFTOVERS = ['erent', 'ions', 'ront', 'rons', 'ons', 'ont', 'ent', 'ees', 'ues', 'ee', 'es', 'ue', 'us', 'on', 'at', 'e', 'u', 's', 't', 'i'];

function frenchKey(word: string): string {
  const stem = frenchStemmer(word);
  for (const ending of FRENCH_LEFTOVERS) {
    if (stem.endsWith(ending) && stem.length - ending.length >= 3) return stem.slice(0, -ending.length);
  }
  return stem;
}

const englishKey = (word: string): string => englishStemmer(word);

const caches: Record<StemLang, Map<string, string>> = { fr: new Map(), en: new Map() };
// comments repeat words: a bounded memo keeps stemming off the hot path without growing forever
const CACHE_LIMIT = 100_000;

/**
 * The stem key of a folded word in a language.
 * @example stemKey('tuerons', 'fr') === stemKey('tuer', 'fr') // true
 * @example stemKey('killing', 'en') // 'kill'
 */
export function stemKey(word: string, lang: StemLang): string {
  const cache = caches[lang];
  let key = cache.get(word);
  if (key === undefined) {
    key = lang === 'fr' ? frenchKey(word) : englishKey(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, key);
  }
  return key;
}
