import { describe, expect, it } from 'vitest';
import { builtInScorer, builtInSpamScorer, builtInToxicityScorer } from '../../../workers/scoring/model/linear-scorer.js';
import type { CommentLanguage } from '../../../protocol/language.js';
import { normalizeForMatching } from '../../../workers/text/normalize.js';
import { spamScorer } from '../../../workers/scoring/built-in-scorers.js';

const score = (raw: string, lang: CommentLanguage = 'fr') => builtInScorer.score(normalizeForMatching(raw), lang);
const quotes = (raw: string, spans: ReadonlyArray<{ start: number; end: number; attribute: string }>, attribute: string) =>
  spans.filter((s) => s.attribute === attribute).map((s) => raw.slice(s.start, s.end));

describe('built-in linear scorer', () => {
  it('returns every attribute as a probability in 0..1', () => {
    for (const raw of ['Bonjour à tous', 'T’es qu’un connard, je vais te tuer !!!', 'FREE MONEY http://bit.ly/x +225 07 07 07 07 07', '']) {
      const { scores } = score(raw);
      expect(Object.keys(scores).sort()).toEqual(['identity_attack', 'insult', 'profanity', 'spam', 'threat', 'toxicity']);
      for (const value of Object.values(scores)) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });

  it('scores a heated political opinion without insults below the hold threshold', () => {
    const { scores } = score("Ce gouvernement est incompétent et le président doit démissionner, c'est une honte pour le pays.");
    expect(scores.toxicity).toBeLessThan(0.5);
  });

  it.each([
    ["L'islam est la religion de nombreux Sénégalais et les mosquées étaient pleines pour la Tabaski.", 'fr'],
    ['Les femmes du marché de Treichville réclament de meilleures conditions de travail.', 'fr'],
    ['Le port du voile à l’école fait encore débat chez nos voisins.', 'fr'],
    ['Les Africains installés en Europe envoient beaucoup d’argent à leurs familles restées au pays.', 'fr'],
    ['Muslim families in Dakar celebrated the end of Ramadan together.', 'en'],
    ['Women journalists in Abidjan launched a new association this week.', 'en'],
  ] as const)('scores a neutral comment about a group below the hold threshold: %s', (raw, lang) => {
    const { scores } = score(raw, lang);
    expect(scores.toxicity).toBeLessThan(0.5);
    expect(scores.identity_attack).toBeLessThan(0.5);
  });

  it.each([
    ["T'es vraiment qu'un gros connard, ferme-la.", 'fr', 'insult'],
    ['Espèce de sale enculé, va te faire foutre.', 'fr', 'insult'],
    ['On sait où tu habites, fais attention à toi.', 'fr', 'threat'],
    ['Je vais te retrouver et je vais te tuer.', 'fr', 'threat'],
    ['Ces migrants sont des rats.', 'fr', 'identity_attack'],
    ['You are a stupid fucking idiot.', 'en', 'insult'],
    ['We know where you live. Kill yourself.', 'en', 'threat'],
  ] as const)('scores clear abuse at or above the hold threshold: %s', (raw, lang, attribute) => {
    const { scores } = score(raw, lang);
    expect(scores.toxicity).toBeGreaterThanOrEqual(0.5);
    expect(scores[attribute]).toBeGreaterThanOrEqual(0.5);
  });

  it.each([['c0nn4rd'], ['C.O.N.N.A.R.D'], ['соnnаrd']])('points its spans at the raw obfuscated word %s', (word) => {
    const raw = `Franchement t'es qu'un ${word} et tout le monde le sait.`;
    const { scores, spans } = score(raw);
    expect(scores.insult).toBeGreaterThanOrEqual(0.5);
    expect(quotes(raw, spans, 'insult')).toContain(word);
    // explained once, by the most specific attribute
    expect(spans.filter((s) => raw.slice(s.start, s.end) === word)).toHaveLength(1);
  });

  it('explains a threat once, as a threat and not again as toxic language', () => {
    const raw = 'We know where you live.';
    const { spans } = score(raw, 'en');
    expect(quotes(raw, spans, 'threat')).toEqual(['We know where you live']);
    expect(quotes(raw, spans, 'toxicity')).toEqual([]);
  });

  it('scores French spam with a phone number and easy money as spam, pointing at the number', () => {
    const raw = 'Gagnez 300 000 FCFA par semaine sans investissement, écrivez-moi sur WhatsApp au +225 07 12 34 56 78';
    // the spam check's scorer: the n-gram model with the regional stack (workers/scoring/spam/)
    const { scores, spans } = spamScorer.score(normalizeForMatching(raw), 'fr');
    expect(scores.spam).toBeGreaterThanOrEqual(0.5);
    expect(quotes(raw, spans, 'spam')).toContain('+225 07 12 34 56 78');
  });

  it('keeps an ordinary comment with a number below the spam threshold', () => {
    const { scores } = score('Le budget 2025 prévoit 1 200 milliards pour la santé, bonne nouvelle.');
    expect(scores.spam).toBeLessThan(0.5);
  });

  it('gives the toxicity check only toxicity attributes and the spam check only spam', () => {
    const text = normalizeForMatching('Espèce de connard, abonne-toi à ma chaîne');
    expect(Object.keys(builtInToxicityScorer.score(text, 'fr').scores)).not.toContain('spam');
    expect(Object.keys(builtInSpamScorer.score(text, 'fr').scores)).toEqual(['spam']);
  });
});
