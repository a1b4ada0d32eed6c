import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../workers/text/fingerprint.js';
import { normalizeForMatching } from '../../../workers/text/normalize.js';

const fp = (raw: string) => fingerprint(normalizeForMatching(raw));

describe('fingerprint', () => {
  it('is 16 hexadecimal digits', () => {
    expect(fp("Gagnez de l'argent facile")).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is stable across calls and processes', () => {
    // a fixed value: changing the hash silently would break duplicate detection across a deploy
    expect(fp('Bonjour à tous')).toBe(fp('Bonjour à tous'));
    expect(fp('Bonjour à tous')).toBe('993523fd0f15ee9b');
  });

  it('ignores case, accents, spacing, punctuation and obfuscation', () => {
    const reference = fp("gagnez de l'argent facile");
    expect(fp('  GAGNEZ   de L’ARGENT, facile !!! ')).toBe(reference);
    expect(fp('gågnez de l’argent fac1le')).toBe(reference);
  });

  it('tells different texts apart', () => {
    expect(fp('Je suis pour cette réforme')).not.toBe(fp('Je suis contre cette réforme'));
    expect(fp('a')).not.toBe(fp('b'));
  });
});
