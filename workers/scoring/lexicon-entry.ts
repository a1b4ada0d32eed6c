import type { Attribute } from '../../protocol/attribute.js';
import type { CommentLanguage } from '../../protocol/language.js';

/** One weighted term of a lexicon, matched like site word lists (`*` wildcard, obfuscation-proof). */
export interface LexiconEntry {
  term: string;
  attribute: Exclude<Attribute, 'toxicity'>;
  /** How strongly one occurrence signals the attribute, 0..1. */
  weight: number;
  /** Languages where the term is an ordinary word, e.g. French "retard" (late) or English "con". */
  notIn?: readonly CommentLanguage[];
}

type Row = readonly [term: string, weight: number, notIn?: readonly CommentLanguage[]];

/** Builds the entries of one attribute from `[term, weight, notIn?]` rows, so data files stay tables. */
export const weighted = (attribute: LexiconEntry['attribute'], rows: readonly Row[]): LexiconEntry[] =>
  rows.map(([term, weight, notIn]) =>
    notIn === undefined ? { term, attribute, weight } : { term, attribute, weight, notIn },
  );
