import { describe, expect, it } from 'vitest';
import { findDehumanisation } from '../../../workers/scoring/dehumanisation.js';
import { normalizeForMatching } from '../../../workers/text/normalize.js';

const found = (raw: string) => findDehumanisation(normalizeForMatching(raw)).map((s) => raw.slice(s.start, s.end));

describe('dehumanisation', () => {
  it.each([
    ['Ces migrants sont des rats.', 'Ces migrants sont des rats'],
    ['Franchement les Peuls ne sont que des parasites', 'les Peuls ne sont que des parasites'],
    ['Tous ces immigrés sont de la vermine', 'Tous ces immigrés sont de la vermine'],
    ['Les Roms, cette vermine', 'Les Roms, cette vermine'],
    ['These immigrants are animals', 'These immigrants are animals'],
    ['muslims are nothing but cockroaches', 'muslims are nothing but cockroaches'],
  ])('finds "%s"', (raw, expected) => {
    expect(found(raw)).toEqual([expected]);
  });

  it('does not flag the same phrase about politicians, who are not a protected group', () => {
    expect(found('Ces politiciens sont des rats qui quittent le navire')).toEqual([]);
  });

  it('does not flag a group named without vermin', () => {
    expect(found('Les migrants sont des êtres humains comme nous')).toEqual([]);
  });
});
