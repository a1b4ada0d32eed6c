import { describe, expect, it } from 'vitest';
import { checks } from '../../../workers/checks/index.js';
import type { Attribute } from '../../../protocol/attribute.js';
import { decideStatus } from '../../../core/decision/decide-status.js';
import { spamScorer, toxicityScorer } from '../../../workers/scoring/built-in-scorers.js';
import { contextFor } from './check-context.js';

// the default hold threshold is 0.5, calibrated to hold about 15 % of a stream with 10 % toxic comments (models/toxicity-v3.md),
// so ordinary comments sit nearer it than a plain probability would; "well under" leaves room for a site's adaptation
const WELL_UNDER = 0.35;
const WELL_ABOVE = 0.7;

const ORDINARY = [
  ['Un commentaire ordinaire', 'fr'],
  ['Merci pour cet article', 'fr'],
  ['Bonjour', 'fr'],
  ['ok', 'fr'],
  ['Le gouvernement a encore menti sur le budget, il faut voter contre eux', 'fr'],
  ["Je ne suis pas d'accord avec l'auteur : les chiffres du chômage sont faux.", 'fr'],
  ["Ce ministre est incompétent, qu'il démissionne !", 'fr'],
  ['Honte à ces députés qui votent leur propre augmentation pendant que le peuple souffre.', 'fr'],
  ["Les routes de Yopougon sont toujours défoncées, où va l'argent de nos impôts ?", 'fr'],
  ["L'opposition raconte n'importe quoi, comme d'habitude, et le pouvoir ne vaut pas mieux.", 'fr'],
  ['Bravo aux Éléphants pour cette victoire !', 'fr'],
  ['Thanks for this article', 'en'],
  ['The government lied again about the budget, vote them out', 'en'],
  ['This is a terrible policy and the mayor should resign.', 'en'],
  ['I completely disagree, these figures are wrong and the journalist should check them.', 'en'],
  ['Shameful decision by the council, voters will remember it at the next election.', 'en'],
] as const;

const ABUSE: ReadonlyArray<readonly [string, 'fr' | 'en', Attribute]> = [
  ["T'es qu'un connard", 'fr', 'insult'],
  ["Espèce d'imbécile, ferme ta gueule", 'fr', 'insult'],
  ['Va te faire foutre, sale con', 'fr', 'insult'],
  ['Je vais te tuer', 'fr', 'threat'],
  ['On sait où tu habites, fais attention à toi.', 'fr', 'threat'],
  ['Ces migrants sont des rats.', 'fr', 'identity_attack'],
  ['You are an idiot', 'en', 'insult'],
  ['You are a stupid fucking idiot.', 'en', 'insult'],
  ['I will kill you', 'en', 'threat'],
  ['Kill yourself', 'en', 'threat'],
  ['These immigrants are animals', 'en', 'identity_attack'],
];

const decide = (body: string, lang: 'fr' | 'en') => {
  const ctx = contextFor(body, { lang });
  return decideStatus(checks.map((check) => check(ctx)), ctx.policy);
};

describe('built-in scores (the trained models the checks use)', () => {
  it.each(ORDINARY)('scores an ordinary or heated but civil comment well under the hold threshold: %s', (body, lang) => {
    const ctx = contextFor(body, { lang });
    expect(toxicityScorer.score(ctx.text, lang).scores.toxicity).toBeLessThan(WELL_UNDER);
    expect(spamScorer.score(ctx.text, lang).scores.spam).toBeLessThan(WELL_UNDER);
    expect(decide(body, lang).status).toBe('approved');
  });

  it.each(ABUSE)('scores a clear insult, threat or identity attack well above the hold threshold: %s', (body, lang, attribute) => {
    const { scores, spans } = toxicityScorer.score(contextFor(body, { lang }).text, lang);
    expect(scores.toxicity).toBeGreaterThanOrEqual(WELL_ABOVE);
    expect(scores[attribute]).toBeGreaterThanOrEqual(0.5);
    // the moderator sees which words, quoted from what the reader wrote
    expect(spans.length).toBeGreaterThan(0);
    for (const span of spans) expect(body.slice(span.start, span.end).trim()).not.toBe('');
    expect(decide(body, lang).status).not.toBe('approved');
  });

  it.each([
    ['Quel abruti ce ministre, franchement.', 'fr'],
    ['Espèce de connard.', 'fr'],
    ['You are a complete moron and everyone here knows it.', 'en'],
  ] as const)('holds an insult for a moderator rather than rejecting it on the model alone: %s', (body, lang) => {
    expect(decide(body, lang).status).toBe('held');
  });

  it.each([
    ['Je vais te tuer', 'fr'],
    ['Fils de pute', 'fr'],
    ['Ces migrants sont des rats.', 'fr'],
    ['Kill yourself', 'en'],
  ] as const)('rejects a curated severe threat, insult or dehumanisation: %s', (body, lang) => {
    expect(decide(body, lang).status).toBe('rejected');
  });
});
