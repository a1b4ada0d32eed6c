import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// the Unicode confusables table, as the `confusables` package (MIT) ships it: character → the Latin it imitates
const { confusablesMap } = require('confusables') as { confusablesMap: Map<string, string> };

// scripts readers write in for real (Arabic, Tifinagh, N'Ko, Ethiopic…): never read as disguised Latin
const SPOOF_SCRIPTS = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}\p{Script=Canadian_Aboriginal}\p{Script=Latin}\p{Script=Common}\p{Script=Coptic}\p{Script=Lisu}]/u;
const LATIN_LETTER_OR_DIGIT = /^[a-z0-9]+$/;

/**
 * The Latin letters a look-alike character imitates ("Ꭵ" → "i", "ᗷ" → "b"), from the Unicode
 * confusables table, for characters the hand-made homoglyph table does not hold; undefined for
 * ASCII, for characters of scripts people write in, and for symbols that imitate no letter.
 * @example confusableLatin('Ꭵ') // 'i'
 */
export function confusableLatin(ch: string): string | undefined {
  if (ch.charCodeAt(0) < 128 || !SPOOF_SCRIPTS.test(ch)) return undefined;
  const latin = confusablesMap.get(ch)?.toLowerCase();
  return latin !== undefined && LATIN_LETTER_OR_DIGIT.test(latin) ? latin : undefined;
}
