import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../workers/text/fingerprint.js';
import { normalizeForMatching } from '../../../workers/text/normalize.js';
import { textGroup } from '../../../workers/text/text-group.js';

const group = (raw: string) => textGroup(normalizeForMatching(raw));

describe('textGroup', () => {
  it('puts the copies of a campaign with words shuffled, repeated, numbered or decorated in one group', () => {
    const reference = group('Le président doit partir maintenant, le peuple a parlé');
    expect(group('LE PEUPLE A PARLÉ !!! le président doit partir maintenant 🔥 #2027')).toBe(reference);
    expect(group('maintenant maintenant : le président doit partir, le peuple a parlé (17)')).toBe(reference);
  });

  it('tells texts with other words apart', () => {
    expect(group('Le président doit rester maintenant, le peuple a parlé')).not.toBe(group('Le président doit partir maintenant, le peuple a parlé'));
  });

  it('groups a short text by its exact fingerprint', () => {
    const short = normalizeForMatching('Bravo à tous');
    expect(textGroup(short)).toBe(fingerprint(short));
    expect(group('tous à bravo')).not.toBe(group('Bravo à tous'));
  });
});
