import type { NormalizedText } from '../text/normalize.js';
import { isGroupWord } from './identity/identity-lexicon.js';
import { LEXICON_EN } from './lexicon-en.js';
import { LEXICON_FR } from './lexicon-fr.js';

/** A comment that swears at nobody is published: toxicity and insult stay under the hold threshold. */
export const UNTARGETED_SWEARING_CAP = 0.45;

const fold = (term: string) => term.replace(/\*$/, '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const SWEAR_WORDS = new Set(
  [...LEXICON_FR, ...LEXICON_EN].filter((e) => e.attribute === 'profanity' && !e.term.includes(' ')).map((e) => fold(e.term)),
);
const SWEAR_STEMS = ['fuck', 'shit', 'merd', 'putain', 'bordel', 'chier', 'emmerd', 'damn', 'crap', 'bloody', 'hell'];
const isSwear = (word: string) => SWEAR_WORDS.has(word) || SWEAR_STEMS.some((s) => word.startsWith(s));
// who the comment may be aimed at: the reader, a person or group named, "ce ministre est une merde"
const ADDRESS = new Set('tu te toi ton ta tes vous votre vos es etes t you your youre yourself ur u'.split(' '));
const COPULAS = new Set('est sont etait etaient is are was were'.split(' '));
const INTENSIFIERS = new Set('fucking fuckin putain damn damned bloody foutu foutue sacre sacree'.split(' '));

/**
 * Whether the comment swears without aiming at anyone: "putain, quelle journée", "fuck yeah,
 * we qualified". No second person, no group, no "X est une merde", no insult word from the
 * lexicons — the caller checks the last.
 * @example isUntargetedSwearing(normalizeForMatching('Merde, encore une coupure de courant.')) // true
 */
export function isUntargetedSwearing(text: NormalizedText): boolean {
  const words = text.tokens.map((t) => t.word);
  let swears = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (ADDRESS.has(w) || isGroupWord(w)) return false;
    if (!isSwear(w)) continue;
    swears = true;
    // "est une merde", "are shit": the swear word is said of someone ("was fucking amazing" is not)
    if (!INTENSIFIERS.has(w) && words.slice(Math.max(0, i - 3), i).some((x) => COPULAS.has(x))) return false;
  }
  return swears;
}
