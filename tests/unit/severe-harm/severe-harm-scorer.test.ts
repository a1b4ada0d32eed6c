import { describe, expect, it } from 'vitest';
import { readComment } from '../../../workers/scoring/reading/read-comment.js';
import { scoreSevereHarm } from '../../../workers/scoring/severe-harm/severe-harm-scorer.js';
import { normalizeForMatching } from '../../../workers/text/normalize.js';

const severe = (raw: string, terms: string[] = []) => scoreSevereHarm(readComment(normalizeForMatching(raw), terms).sentences);
const quoted = (raw: string) => severe(raw).harms.map((h) => raw.slice(h.start, h.end));

describe('the severe-harm scorer', () => {
  it.each([
    'Il faut tuer les Peuls.', 'Il faudrait tuer les Peuls.', 'Qu’on tue les Peuls.', 'On tuera les Peuls.',
    'Les Peuls doivent être tués.', 'Les Peuls méritent d’être tués.', 'Tuez les Peuls.', 'Tuons les Peuls.',
    'Je vais tuer les Peuls.', 'On va tous les tuer, ces Peuls.',
  ])('reads every form of a violent verb by its stem: %s', (raw) => {
    expect(severe(raw).severe).toBeGreaterThanOrEqual(0.8);
  });

  it.each([
    ['Il faut pendre le ministre.', 'incitement'],
    ['Il faut pendre Traoré.', 'incitement'],
    ['Je vais te pendre.', 'threat'],
    ['Il faut pendre tous ces vendus.', 'incitement'],
    ['We should hang the Zarma.', 'incitement'],
  ])('fills an open target slot, a name, a role, a pronoun or any group: %s', (raw, category) => {
    expect(severe(raw)).toMatchObject({ category });
    expect(severe(raw).severe).toBeGreaterThanOrEqual(0.8);
  });

  it('takes a group the site added to its lexicon as a target', () => {
    expect(severe('Ces Koroboros sont des cafards.').severe).toBeLessThan(0.8);
    expect(severe('Ces Koroboros sont des cafards.', ['Koroboros']).severe).toBeGreaterThanOrEqual(0.8);
  });

  it.each([
    'Je ne vais pas te tuer.', 'Il ne faut pas les tuer, il faut les juger.', 'Personne ne mérite d’être pendu.',
    'Les Peuls ne sont pas des cafards.', 'No one deserves to die.', 'Les terroristes ont tué vingt civils à Mopti.',
    'Il mérite d’être jugé.', 'La prison à vie pour ces assassins.', 'Dire que les Peuls sont des cafards est ignoble.',
    'Il faut tuer le temps en attendant le bus.', 'Il faut brûler les déchets loin des maisons.',
  ])('finds no severe harm in a denial, a report, justice or an everyday phrase: %s', (raw) => {
    expect(severe(raw).severe).toBe(0);
  });

  it('holds a quotation from a news article, never rejects it', () => {
    const { severe: score, harms } = severe('« Il faut tous les tuer », a crié un manifestant devant la mairie.');
    expect(score).toBeLessThan(0.8);
    expect(harms[0]?.voice).toMatch(/quoted|reported|mentioned/);
  });

  it('points at what the reader typed, obfuscated or not', () => {
    expect(quoted('Franchement, ces Touaregs sont des c4f4rds.')).toEqual(['ces Touaregs sont des c4f4rds']);
    expect(quoted('Je vais te t.u.e.r demain.')).toEqual(['Je vais te t.u.e.r']);
    expect(quoted('Il faut pednre ce ministre')).toEqual(['Il faut pednre ce ministre']);
  });

  it('never reads a place or a people as a slur or a harm', () => {
    for (const raw of ['Le Niger et le Nigeria sont voisins.', 'Les Nigériennes négocient avec Niamey.', 'Les Peuls et les Dogons.']) {
      expect(severe(raw).severe).toBe(0);
    }
  });
});
