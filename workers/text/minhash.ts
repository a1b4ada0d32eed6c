import type { NormalizedText } from './normalize.js';

/** Hash functions per signature: 16 bands of 4 rows find pairs from ~0.6 Jaccard up, nearly all above 0.8. */
export const SIGNATURE_SIZE = 64;
const ROWS_PER_BAND = 4;
const SHINGLE = 5;
/** Below this many normalised letters a text is too short to call two of them copies of one another. */
export const MIN_SIGNED_CHARS = 20;

const fmix32 = (h: number): number => {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, k) => fmix32(0x9e3779b9 + k * 0x632be5ab));

/**
 * MinHash signature of a text's character 5-grams over its normalised words (case, accents,
 * punctuation, spacing and obfuscation already read through), or `undefined` for a text too
 * short to compare. Two signatures agree on about as many positions as the texts share shingles.
 * @example similarity(signatureOf(a)!, signatureOf(b)!) // ≈ Jaccard(shingles(a), shingles(b))
 */
export function signatureOf(text: NormalizedText): Uint32Array | undefined {
  const s = text.tokens.map((t) => t.word).join(' ');
  if (s.replaceAll(' ', '').length < MIN_SIGNED_CHARS) return undefined;
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= s.length; i++) {
    let h = 0x811c9dc5; // FNV-1a of the shingle
    for (let j = i; j < i + SHINGLE; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const v = fmix32(h ^ SEEDS[k]!);
      if (v < signature[k]!) signature[k] = v;
    }
  }
  return signature;
}

/** Share of positions where two signatures agree: an estimate of the texts' shingle Jaccard similarity. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) same++;
  return same / SIGNATURE_SIZE;
}

/** The locality-sensitive keys of a signature: texts that share any band are candidates. */
export function bandsOf(signature: Uint32Array): string[] {
  const out: string[] = [];
  for (let band = 0; band < SIGNATURE_SIZE / ROWS_PER_BAND; band++) {
    let h = band;
    for (let r = 0; r < ROWS_PER_BAND; r++) h = fmix32(h ^ signature[band * ROWS_PER_BAND + r]!) + r;
    out.push(`${band}:${(h >>> 0).toString(36)}`);
  }
  return out;
}

export const encodeSignature = (s: Uint32Array): string => Buffer.from(s.buffer, s.byteOffset, s.byteLength).toString('base64');
export const decodeSignature = (b64: string): Uint32Array => {
  const bytes = Buffer.from(b64, 'base64');
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
};
