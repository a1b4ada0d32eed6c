import { describe, expect, it } from 'vitest';
import { builtInScorer, trainedModelScores } from '../../../workers/scoring/model/linear-scorer.js';
import { normalizeForMatching } from '../../../workers/text/normalize.js';

const model = (text: string, lang: 'fr' | 'en') => trainedModelScores(normalizeForMatching(text), lang);

const THREATS = [
  ['Je vais te retrouver et te faire la peau, tu vas voir', 'fr'],
  ['On va brûler ta maison', 'fr'],
  ['I will kill you and your family', 'en'],
  ["I'm going to find you and put a bullet in your head", 'en'],
] as const;
const NEIGHBOURS = [
  ['Le Niger et le Nigeria sont voisins.', 'fr'],
  ["L'AES réunit le Mali, le Burkina Faso et le Niger.", 'fr'],
  ['Niger and Nigeria signed a border agreement.', 'en'],
] as const;

describe('the trained threat model', () => {
  it.each(THREATS)('flags a threat on its own, before any curated pattern: %s', (text, lang) => {
    expect(model(text, lang).threat).toBeGreaterThanOrEqual(0.3);
  });

  it.each(NEIGHBOURS)("does not read a neighbouring country's name as a threat or an identity attack: %s", (text, lang) => {
    const scores = model(text, lang);
    expect(scores.threat).toBeLessThan(0.1);
    expect(scores.identity_attack).toBeLessThan(0.25);
    // and the whole pipeline approves it at the default hold threshold
    expect(builtInScorer.score(normalizeForMatching(text), lang).scores.toxicity).toBeLessThan(0.5);
  });

  it('ranks every threat above every neighbouring-country sentence', () => {
    const lowestThreat = Math.min(...THREATS.map(([t, l]) => model(t, l).threat!));
    const highestNeighbour = Math.max(...NEIGHBOURS.map(([t, l]) => model(t, l).threat!));
    expect(lowestThreat).toBeGreaterThan(highestNeighbour * 5);
  });

  it('explains a threat with the words it read, quoted from the comment', () => {
    const text = 'Je vais te retrouver et te faire la peau';
    const { scores, spans } = builtInScorer.score(normalizeForMatching(text), 'fr');
    expect(scores.threat).toBeGreaterThanOrEqual(0.5);
    const threatSpans = spans.filter((s) => s.attribute === 'threat');
    expect(threatSpans.length).toBeGreaterThan(0);
    for (const s of threatSpans) expect(text.slice(s.start, s.end).trim()).not.toBe('');
  });
});
