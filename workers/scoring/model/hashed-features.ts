import type { NormalizedText } from '../../text/normalize.js';
import { bucketOf, fnvStep, hashString, mixHashes } from './feature-hash.js';
import { isIdentityTerm } from './identity-terms.js';
import { FEATURE_SET, type FeatureSet } from './feature-set.js';
import type { CommentLanguage } from '../../../protocol/language.js';
import { stemKey } from '../severe-harm/stems.js';

/** Hashed n-gram features of one comment, each tied to the tokens it was read from. */
export interface SparseFeatures {
  /** Number of features used in the arrays below (they may be longer: buffers are reused). */
  length: number;
  index: Int32Array;
  value: Float32Array;
  /** First and last token (inclusive) a feature comes from, for pointing at words. */
  tokenFrom: Int32Array;
  tokenTo: Int32Array;
}

const SEED_CHAR = 0x63;
const SEED_WORD = 0x77;
const SEED_PAIR = 0x70;
const SEED_GAP = 0x67;
const SEED_STEM = 0x73;
const BOUNDARY_START = 0x3c; // '<'
const BOUNDARY_END = 0x3e; // '>'
const SPACE = 0x20;
/** Stands for a group name inside cross-word character n-grams: "sales <group>" is read, the name is not. */
const GROUP_UNIT = 0x01;
const GROUP_HASH = hashString('<group>', SEED_WORD);
/** Tokens read per comment: news comments are short, and the cost must stay flat on a pasted essay. */
export const MAX_TOKENS = 300;
/** Words longer than this are links, hashes or keyboard mashing: their first letters suffice. */
const MAX_WORD = 24;

function emptyFeatures(capacity: number): SparseFeatures {
  return {
    length: 0,
    index: new Int32Array(capacity),
    value: new Float32Array(capacity),
    tokenFrom: new Int32Array(capacity),
    tokenTo: new Int32Array(capacity),
  };
}

// features per token: at most (len+2) starts × n-gram lengths, plus word, stem, pair and gap pair
const capacityFor = (tokens: number, set: FeatureSet) => tokens * ((MAX_WORD + 2) * (set.charMax - set.charMin + 1) + 4) + 8;

/** How a comment's features are read: the language picks the stemmer; `set` is for training trials. */
export interface FeatureOptions {
  lang?: CommentLanguage;
  set?: FeatureSet;
}

let units = new Uint16Array(1024);
let unitToken = new Int32Array(1024);

/**
 * Character n-grams (inside each word with `<` `>` boundary marks, or across words), words, stems,
 * word pairs and gap pairs of the normalized text, as `FEATURE_SET` says, hashed into `HASH_SIZE`
 * buckets with values scaled to unit length. Group names (`isIdentityTerm`) give no feature of
 * their own, only `<group>` inside pairs. Pass `reuse` to fill an existing buffer (the hot path).
 * @example hashedFeatures(normalizeForMatching('Quel idiot')).length // 2 words' n-grams + 2 words + 1 pair
 */
export function hashedFeatures(text: NormalizedText, reuse?: SparseFeatures, options: FeatureOptions = {}): SparseFeatures {
  const set = options.set ?? FEATURE_SET;
  const stemLang = options.lang === 'en' ? 'en' : 'fr';
  const tokens = text.tokens;
  const count = Math.min(tokens.length, MAX_TOKENS);
  const needed = capacityFor(count, set);
  const out = reuse !== undefined && reuse.index.length >= needed ? reuse : emptyFeatures(needed);
  let n = 0;
  const push = (hash: number, from: number, to: number) => {
    out.index[n] = bucketOf(hash);
    out.tokenFrom[n] = from;
    out.tokenTo[n] = to;
    n++;
  };
  const source = text.text;
  let previous = -1;
  let beforePrevious = -1;
  const pairs = (t: number, hash: number) => {
    // "<group> <group>" ("femmes musulmanes") would be a group feature again: no pair
    if (previous !== -1 && !(hash === GROUP_HASH && previous === GROUP_HASH)) push(mixHashes(previous, hash) ^ SEED_PAIR, t - 1, t);
    if (set.gapPairs && beforePrevious !== -1 && !(hash === GROUP_HASH && beforePrevious === GROUP_HASH)) push(mixHashes(beforePrevious, hash) ^ SEED_GAP, t - 2, t);
    beforePrevious = previous;
    previous = hash;
  };
  let u = 0;
  if (set.crossWords) {
    const longest = count * (MAX_WORD + 1) + 2;
    if (units.length < longest) {
      units = new Uint16Array(longest * 2);
      unitToken = new Int32Array(longest * 2);
    }
    units[u] = SPACE;
    unitToken[u++] = -1;
  }
  for (let t = 0; t < count; t++) {
    const token = tokens[t]!;
    const word = token.word;
    if (isIdentityTerm(word)) {
      if (set.crossWords) {
        units[u] = GROUP_UNIT;
        unitToken[u++] = t;
        units[u] = SPACE;
        unitToken[u++] = -1;
      }
      pairs(t, GROUP_HASH);
      continue;
    }
    const start = token.start;
    const len = Math.min(token.end - start, MAX_WORD);
    if (set.crossWords) {
      for (let j = 0; j < len; j++) {
        units[u] = source.charCodeAt(start + j);
        unitToken[u++] = t;
      }
      units[u] = SPACE;
      unitToken[u++] = -1;
    } else {
      // padded word: position -1 is '<', position len is '>'
      for (let i = -1; i < len; i++) {
        let h = fnvStep(0x811c9dc5, SEED_CHAR);
        for (let k = 0; k < set.charMax; k++) {
          const j = i + k;
          if (j > len) break;
          const unit = j === -1 ? BOUNDARY_START : j === len ? BOUNDARY_END : source.charCodeAt(start + j);
          h = fnvStep(h, unit);
          if (k + 1 >= set.charMin) push(h, t, t);
        }
      }
    }
    const wordHash = hashString(word, SEED_WORD);
    push(wordHash, t, t);
    if (set.stems) {
      const stem = stemKey(word, stemLang);
      if (stem !== word) push(hashString(stem, SEED_STEM), t, t);
    }
    pairs(t, wordHash);
  }
  if (set.crossWords) {
    // n-grams over " w1 w2 … ": the spaces mark word edges, and n-grams spanning one join two words
    for (let i = 0; i < u - 1; i++) {
      if (units[i] === SPACE && units[i + 1] === SPACE) continue;
      let h = fnvStep(0x811c9dc5, SEED_CHAR);
      let first = -1;
      let last = -1;
      let letters = false;
      for (let k = 0; k < set.charMax && i + k < u; k++) {
        const unit = units[i + k]!;
        h = fnvStep(h, unit);
        const tok = unitToken[i + k]!;
        if (tok !== -1) {
          if (first === -1) first = tok;
          last = tok;
        }
        if (unit !== SPACE && unit !== GROUP_UNIT) letters = true;
        // a group name alone is no feature: only next to a word ("s <group>")
        if (k + 1 >= set.charMin && letters) push(h, first, last);
      }
    }
  }
  const scale = n > 0 ? 1 / Math.sqrt(n) : 0;
  for (let i = 0; i < n; i++) out.value[i] = scale;
  out.length = n;
  return out;
}
