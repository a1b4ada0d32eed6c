import { fingerprint, hash64 } from './fingerprint.js';
import type { NormalizedText } from './normalize.js';

/** Below this many distinct words a text is too short to vary: its group is its exact fingerprint. */
const MIN_WORDS = 4;

/**
 * The key near-identical comments share: the set of their words of three letters or more, so
 * a campaign's copies with the words shuffled, repeated, or with other punctuation, digits,
 * emoji, short words or obfuscation fall in one group. Short texts group by their exact
 * fingerprint. The held queue groups by it, and the text-campaign signal counts its authors.
 * @example textGroup(normalizeForMatching('Votez X, votez X !!! 2027')) === textGroup(normalizeForMatching('votez x 2028 votez'))
 */
export function textGroup(normalized: NormalizedText): string {
  const words = [...new Set(normalized.tokens.map((t) => t.word).filter((w) => w.length >= 3 && !/\d/.test(w)))].sort();
  return words.length < MIN_WORDS ? fingerprint(normalized) : `w${hash64(words.join(' ')).slice(1)}`;
}
