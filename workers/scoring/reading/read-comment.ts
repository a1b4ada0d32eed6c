import type { NormalizedText } from '../../text/normalize.js';
import { readSentences, type Sentence } from '../severe-harm/read-sentences.js';
import { repairWords, type RepairedWord } from './repair-words.js';

/** A comment read once for the structure rules: words with obfuscation undone, and sentences. */
export interface ReadComment {
  words: RepairedWord[];
  sentences: Sentence[];
  /** Whether any word was read back from an obfuscated spelling. */
  repaired: boolean;
}

const NO_TERMS: readonly string[] = [];
// the severe-harm check, the abuse check and the toxicity scorer read the same comment back to back
let last: { text: NormalizedText; terms: readonly string[]; read: ReadComment } | undefined;

/**
 * The comment read for the structure rules, once per comment and site word list.
 * @example readComment(normalizeForMatching('Je vais te teur')).words[3].word // 'tuer'
 */
export function readComment(text: NormalizedText, siteTerms: readonly string[] = NO_TERMS): ReadComment {
  const terms = siteTerms.length === 0 ? NO_TERMS : siteTerms;
  if (last !== undefined && last.text === text && last.terms === terms) return last.read;
  const words = repairWords(text);
  const read = { words, sentences: readSentences(text.raw, words, terms), repaired: words.some((w) => w.repaired) };
  last = { text, terms, read };
  return read;
}
