import { describe, expect, it } from 'vitest';
import { findSpamSignals } from '../../../workers/scoring/spam-signals.js';

const signals = (raw: string) => findSpamSignals(raw).map((s) => [s.label, raw.slice(s.start, s.end)]);

describe('spam signals', () => {
  it('finds international, French and unbroken phone numbers', () => {
    expect(signals('Appelez +225 07 07 07 07 07, 06 12 34 56 78, 0612345678 ou +1 (555) 123-4567')).toEqual([
      ['phone number', '+225 07 07 07 07 07'],
      ['phone number', '06 12 34 56 78'],
      ['phone number', '0612345678'],
      ['phone number', '+1 (555) 123-4567'],
    ]);
  });

  it('does not take amounts, years or counts for phone numbers', () => {
    expect(signals('1 000 000 000 FCFA en 2023 2024 2025, soit 3 000 personnes')).toEqual([]);
  });

  it('does not take a long unbroken run of digits (an id, a timestamp) for a phone number', () => {
    expect(signals('Commande 1796656956785, dossier 202612071530')).toEqual([]);
  });

  it('finds e-mail addresses without counting their domain as a link', () => {
    expect(signals('Écrivez à jean.dupont@gmail.com')).toEqual([['e-mail address', 'jean.dupont@gmail.com']]);
  });

  it('weighs a shortened or WhatsApp link more than an ordinary one, and reads the number in it as part of the link', () => {
    const weights = findSpamSignals('lemonde.fr/a bit.ly/b wa.me/22507070707').map((s) => s.weight);
    expect(weights).toEqual([0.2, 0.5, 0.5]);
  });

  it('flags a long comment written mostly in capitals, but not a short one', () => {
    expect(signals('GAGNEZ DE L ARGENT FACILEMENT AVEC NOUS')).toEqual([
      ['mostly capitals', 'GAGNEZ DE L ARGENT FACILEMENT AVEC NOUS'],
    ]);
    expect(signals('BRAVO LES ÉLÉPHANTS')).toEqual([]);
    expect(signals('À BAS CE RÉGIME, DÉMISSION IMMÉDIATE')).toHaveLength(1);
    expect(signals('À bas ce régime, démission immédiate !')).toEqual([]);
  });

  it('flags runs of three or more exclamation or question marks', () => {
    expect(signals('Incroyable !!! Vraiment ?!?! Oui !!')).toEqual([
      ['repeated punctuation', '!!!'],
      ['repeated punctuation', '?!?!'],
    ]);
  });
});
