/** Number of hashed buckets for n-gram features (2^16): 64 KB of int8 weights per model, so all models stay in cache. */
export const HASH_BITS = 16;
export const HASH_SIZE = 1 << HASH_BITS;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a step: folds one UTF-16 unit into a running hash. */
export const fnvStep = (hash: number, unit: number): number => Math.imul(hash ^ unit, FNV_PRIME) >>> 0;

/** FNV-1a of a string, seeded so that feature kinds (word, pair, char n-gram) land apart. */
export function hashString(text: string, seed: number): number {
  let h = fnvStep(FNV_OFFSET, seed);
  for (let i = 0; i < text.length; i++) h = fnvStep(h, text.charCodeAt(i));
  return h;
}

/** Mixes two hashes into one (murmur3 finaliser), for word pairs. */
export function mixHashes(a: number, b: number): number {
  let h = (Math.imul(a, 0x9e3779b1) ^ b) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const bucketOf = (hash: number): number => hash & (HASH_SIZE - 1);
