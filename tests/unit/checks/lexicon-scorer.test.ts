import { describe, expect, it } from 'vitest';
import { lexiconSpamScorer, lexiconToxicityScorer } from '../../../training/lexicon-scorer.js';
import type { CommentLanguage } from '../../../protocol/language.js';
import { normalizeForMatching } from '../../../workers/text/normalize.js';

const toxicity = (raw: string, lang: CommentLanguage = 'fr') => lexiconToxicityScorer.score(normalizeForMatching(raw), lang);
const spam = (raw: string, lang: CommentLanguage = 'fr') => lexiconSpamScorer.score(normalizeForMatching(raw), lang);
const quotes = (raw: string, spans: ReadonlyArray<{ start: number; end: number }>) => spans.map((s) => raw.slice(s.start, s.end));

describe('lexicon toxicity scorer', () => {
  it.each([
    ['leetspeak', 'c0nn4rd'],
    ['spaced letters', 'c o n n a r d'],
    ['dotted letters', 'c.o.n.n.a.r.d'],
    ['a letter flood', 'connnnnard'],
    ['capitals', 'CONNARD'],
    ['an accent', 'connárd'],
    ['Cyrillic lookalikes', 'соnnаrd'],
    ['a zero-width space', 'con\u200bnard'],
  ])('scores an insult hidden with %s at 0.5 or more, pointing at the raw word', (_, word) => {
    const raw = `Franchement t'es qu'un ${word} !`;
    const { scores, spans } = toxicity(raw);
    expect(scores.toxicity).toBeGreaterThanOrEqual(0.5);
    expect(scores.insult).toBeGreaterThanOrEqual(0.5);
    expect(quotes(raw, spans)).toEqual([word]);
  });

  it.each([
    "Ce gouvernement est incompétent et le président doit démissionner, c'est une honte pour le pays.",
    'Les députés sont des voleurs et des menteurs, il faut tous les virer aux prochaines élections !',
    "Cette réforme des retraites est une catastrophe. Le ministre n'a rien compris au pays réel.",
    'Encore des promesses non tenues. Ce régime nous prend pour des imbéciles depuis dix ans.',
    'This government is a disgrace and the prime minister should resign immediately.',
  ])('scores a heated political opinion without insults or threats below 0.5: %s', (raw) => {
    expect(toxicity(raw).scores.toxicity).toBeLessThan(0.5);
  });

  it('scores a clear threat high', () => {
    expect(toxicity('Fais attention, on sait où tu habites.').scores.threat).toBeGreaterThanOrEqual(0.9);
    expect(toxicity("J'vais te tuer").scores.toxicity).toBeGreaterThanOrEqual(0.9);
    expect(toxicity('kys loser', 'en').scores.threat).toBeGreaterThanOrEqual(0.9);
    expect(toxicity('we know where you live', 'en').scores.threat).toBeGreaterThanOrEqual(0.9);
  });

  it('scores "crève" low on its own, since "je suis crevé" folds to the same word', () => {
    expect(toxicity('Je suis crevé après cette journée').scores.toxicity).toBeLessThan(0.5);
    expect(toxicity('Va crever !').scores.toxicity).toBeGreaterThanOrEqual(0.5);
  });

  it('scores slurs as identity attacks', () => {
    expect(toxicity('sale bougnoule').scores.identity_attack).toBeGreaterThanOrEqual(0.9);
    expect(toxicity('you f4gg0t', 'en').scores.identity_attack).toBeGreaterThanOrEqual(0.9);
  });

  it('scores a dehumanising statement about a group as an identity attack', () => {
    const { scores } = toxicity('Ces migrants sont des cafards');
    expect(scores.identity_attack).toBeGreaterThanOrEqual(0.9);
    expect(scores.toxicity).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps swearing without a target below the hold threshold', () => {
    const { scores } = toxicity('Putain, quel match ! Bordel, on a gagné');
    expect(scores.profanity).toBeGreaterThan(0);
    expect(scores.toxicity).toBeLessThan(0.5);
  });

  it('adds up several insults but never exceeds 1', () => {
    const one = toxicity('abruti').scores.toxicity ?? 0;
    const three = toxicity('abruti, crétin, ordure').scores.toxicity ?? 0;
    expect(three).toBeGreaterThan(one);
    expect(three).toBeLessThanOrEqual(1);
  });

  it('reads French "retard" as lateness, and English "con" as an ordinary word', () => {
    expect(toxicity('Le train a encore du retard', 'fr').scores.toxicity).toBe(0);
    expect(toxicity("don't be a retard", 'en').scores.insult).toBeGreaterThanOrEqual(0.5);
    expect(toxicity('pros and con of the plan', 'en').scores.toxicity).toBe(0);
    expect(toxicity("t'es con", 'fr').scores.insult).toBeGreaterThanOrEqual(0.5);
  });

  it('scores English insults in a French comment', () => {
    expect(toxicity('Ce type est un asshole', 'fr').scores.insult).toBeGreaterThanOrEqual(0.5);
  });

  it('gives every attribute a score, zero when nothing matched', () => {
    expect(toxicity('Bonne journée').scores).toEqual({ insult: 0, threat: 0, identity_attack: 0, profanity: 0, toxicity: 0 });
  });
});

describe('lexicon spam scorer', () => {
  it('scores a money phrase, a WhatsApp invitation and a phone number as spam', () => {
    const raw = "Gagnez de l'argent facile !!! Contactez-moi sur WhatsApp au +225 07 07 07 07 07";
    const { scores, spans } = spam(raw);
    expect(scores.spam).toBeGreaterThanOrEqual(0.9);
    expect(quotes(raw, spans)).toEqual(expect.arrayContaining(["Gagnez de l'argent", 'WhatsApp', '+225 07 07 07 07 07', '!!!']));
  });

  it('scores English spam phrases', () => {
    expect(spam('Earn money! Work from home, click here', 'en').scores.spam).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps a single mention of bitcoin below the hold threshold', () => {
    expect(spam('Le bitcoin a encore chuté cette semaine, les régulateurs ont raison.').scores.spam).toBeLessThan(0.5);
  });

  it('scores an ordinary comment zero', () => {
    expect(spam("Merci pour l'article, très instructif.").scores).toEqual({ spam: 0 });
  });
});
