import { createRequire } from 'node:module';
import { normalizeForMatching } from '../../text/normalize.js';
import { isIdentityTerm } from './identity-terms.js';

const require = createRequire(import.meta.url);

/**
 * Maintained word lists from npm, folded like comments are, with ambiguous everyday words removed.
 * - naughty-words (CC BY 4.0, LDNOOBW): English and French lists.
 * - french-badwords-list (MIT; words from Wiktionary's French insults category, CC BY-SA).
 * - @2toad/profanity (MIT): its French list is machine-translated ("les", "pour", "feu"): only
 *   entries built on a word the two lists above confirm are kept.
 */
export interface WordList {
  name: string;
  /** One-word entries, folded. */
  words: ReadonlySet<string>;
  /** Entries of several words, folded, words joined by one space. */
  phrases: readonly string[];
}

// everyday words in the lists: news comments use them innocently ("la manche", "sexual harassment")
const AMBIGUOUS = new Set([
  'sale', 'manche', 'coche', 'pet', 'magot', 'goi', 'gourde', 'punaise', 'crotte', 'crouton', 'minus', 'raton',
  'chauffard', 'miserable', 'godon', 'bougre', 'cacou', 'chachar', 'pouf', 'gland', 'baiser', 'bourre', 'bourree',
  'folle', 'gerbe', 'gerber', 'jouir', 'meuf', 'peter', 'pipi', 'ramoner', 'tanche', 'trique', 'caca', 'gueule',
  'deconne', 'deconner', 'bander', 'suce', 'sex', 'sexe', 'sexual', 'sexually', 'sexuality', 'sexy', 'domination',
  'escort', 'intercourse', 'xx', 'sucks', 'suck', 'lovemaking', 'mong', 'scat', 'erotic', 'nude', 'nudity', 'kinky',
  'butt', 'playboy', 'genitals', 'swinger', 'voyeur', 'lolita', 'bastinado', 'babeland', 'courtaud', 'vier',
  'marchandot', 'tebe', 'pecque', 'porcas',
]);

const fold = (entry: string) => normalizeForMatching(entry).tokens.map((t) => t.word).join(' ');

function buildList(name: string, entries: readonly string[], keep = (_folded: string) => true): WordList {
  const words = new Set<string>();
  const phrases = new Set<string>();
  for (const entry of entries) {
    // leetspeak spellings are already read by normalization; their raw symbols split words badly
    if (!/^[\p{L}' -]+$/u.test(entry)) continue;
    const folded = fold(entry);
    if (folded.length < 3 || AMBIGUOUS.has(folded) || !keep(folded)) continue;
    if (folded.split(' ').some(isIdentityTerm)) continue;
    (folded.includes(' ') ? phrases : words).add(folded);
  }
  return { name, words, phrases: [...phrases] };
}

const naughty = require('naughty-words') as Record<string, string[]>;
const frenchBadwords = (require('french-badwords-list') as { array: string[] }).array;
const toadWords = (require('@2toad/profanity/dist/data/profane-words.js') as { profaneWords: Map<string, string[]> })
  .profaneWords;

export const NAUGHTY_EN = buildList('naughty-words/en', naughty.en ?? []);
export const NAUGHTY_FR = buildList('naughty-words/fr', naughty.fr ?? []);
export const FRENCH_BADWORDS = buildList('french-badwords-list', frenchBadwords);

const confirmedFrench = new Set([...NAUGHTY_FR.words, ...FRENCH_BADWORDS.words].filter((w) => w.length >= 4));
export const TOAD_FR = buildList('@2toad/profanity/fr', toadWords.get('fr') ?? [], (folded) =>
  folded.split(' ').some((w) => confirmedFrench.has(w)),
);

export const WORD_LISTS: readonly WordList[] = [NAUGHTY_EN, NAUGHTY_FR, FRENCH_BADWORDS, TOAD_FR];
