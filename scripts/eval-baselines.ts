import { createRequire } from 'node:module';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';

const require = createRequire(import.meta.url);
const frenchBadwords = (require('french-badwords-list') as { array: string[] }).array;

/** Baseline 1: the `obscenity` package's English matcher; score = number of matches. */
export function obscenityBaseline(): (text: string) => number {
  const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return (text) => matcher.getAllMatches(text).length;
}

/** Baseline 2: a plain `french-badwords-list` matcher (lowercase words, list lookup); score = hits. */
export function frenchBadwordsBaseline(): (text: string) => number {
  const words = new Set(frenchBadwords.map((w) => w.toLowerCase()));
  return (text) => {
    let hits = 0;
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}!@$]+/u)) if (words.has(word)) hits++;
    return hits;
  };
}
