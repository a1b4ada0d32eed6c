import { describe, expect, it } from 'vitest';
import { bandsOf, decodeSignature, encodeSignature, signatureOf, similarity } from '../../../workers/text/minhash.js';
import { normalizeForMatching } from '../../../workers/text/normalize.js';

const sig = (s: string) => signatureOf(normalizeForMatching(s))!;
const original = 'Les gens de ce quartier sont tous des voleurs et des menteurs, il faut les chasser du pays';

describe('MinHash signatures of comments', () => {
  it('finds a copy with other case, punctuation, accents and obfuscation nearly identical', () => {
    expect(similarity(sig(original), sig('LES GENS de ce quartier sont tous des v0leurs et des menteurs!!! Il faut les chasser du pays.'))).toBeGreaterThanOrEqual(0.8);
  });

  it('finds a copy with a word changed similar, and a different comment on the same topic not', () => {
    expect(similarity(sig(original), sig('Les gens de ce quartier sont tous des voleurs et des menteurs, il faut les chasser de la ville'))).toBeGreaterThanOrEqual(0.6);
    expect(similarity(sig(original), sig('Les gens de ce quartier ont rénové le marché et planté des arbres le long du fleuve'))).toBeLessThan(0.3);
  });

  it('puts copies in a shared band and survives its base64 round trip', () => {
    const a = sig(original);
    const b = sig(original.toUpperCase());
    expect(bandsOf(a).some((band) => bandsOf(b).includes(band))).toBe(true);
    expect(decodeSignature(encodeSignature(a))).toEqual(a);
  });

  it('does not sign a text too short to call a copy', () => {
    expect(signatureOf(normalizeForMatching('Nul !'))).toBeUndefined();
  });
});
