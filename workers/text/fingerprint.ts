import type { NormalizedText } from './normalize.js';

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

/**
 * A stable 16-hex-digit hash of the normalized words with spaces squeezed out, so the same
 * message with other spacing, punctuation, case or obfuscation counts as a duplicate.
 * Pure 64-bit mix (cyrb53-style), no node:crypto, same result in every runtime.
 * @example fingerprint(normalizeForMatching('GAGNEZ  de L’ARGENT !!')) // same as for "gagnez de l'argent"
 */
export function fingerprint(normalized: NormalizedText): string {
  return hash64(normalized.text.replaceAll(' ', ''));
}

/** The 64-bit mix behind `fingerprint`, as 16 hex digits. */
export function hash64(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex8(h2) + hex8(h1);
}
