import { normalizeForMatching, toRawSpan, type NormalizedText } from '../text/normalize.js';
import type { ScoredSpan } from './scorer.js';

// a group that shares a religion, origin, ethnicity, sex or orientation; politicians are not one
const GROUPS_FR = [
  'immigrés', 'immigrants', 'migrants', 'étrangers', 'réfugiés', 'musulmans', 'musulmanes', 'juifs', 'juives',
  'chrétiens', 'noirs', 'noires', 'blacks', 'arabes', 'maghrébins', 'africains', 'africaines', 'blancs',
  'asiatiques', 'chinois', 'roms', 'gitans', 'tziganes', 'homosexuels', 'homos', 'gays', 'lesbiennes', 'trans',
  'femmes', 'peuls', 'peulhs', 'dioulas', 'baoulés', 'bétés', 'malinkés', 'sénoufos', 'bambaras', 'wolofs',
  'haoussas', 'yoroubas', 'igbos', 'mossis', 'burkinabés', 'ivoiriens', 'maliens', 'sénégalais', 'nigérians',
  'nigériens', 'guinéens', 'camerounais', 'togolais', 'béninois', 'congolais', 'mauritaniens', 'libanais', 'français',
];
const VERMIN_FR = [
  'rats', 'cafards', 'blattes', 'singes', 'macaques', 'gorilles', 'chimpanzés', 'parasites', 'vermine', 'vermines',
  'animaux', 'bêtes', 'sauvages', 'chiens', 'porcs', 'cochons', 'microbes', 'virus', 'cancer', 'sous-hommes', 'poux',
  'termites', 'sangsues', 'hyènes', 'serpents', 'insectes', 'ordures', 'déchets',
];
const GROUPS_EN = [
  'immigrants', 'migrants', 'refugees', 'foreigners', 'muslims', 'jews', 'christians', 'blacks', 'arabs', 'africans',
  'mexicans', 'asians', 'chinese', 'gays', 'homosexuals', 'lesbians', 'trans', 'women', 'whites', 'gypsies', 'roma',
  'nigerians',
];
const VERMIN_EN = [
  'animals', 'vermin', 'rats', 'cockroaches', 'roaches', 'apes', 'monkeys', 'parasites', 'savages', 'dogs', 'pigs',
  'insects', 'subhuman', 'subhumans', 'sub-humans', 'plague', 'disease', 'cancer', 'filth', 'trash', 'leeches',
  'snakes',
];

const oneOf = (words: readonly string[]) =>
  `(?:${words.map((w) => normalizeForMatching(w).tokens.map((t) => t.word).join(' ')).join('|')})`;

// French: "(tous) ces (sales) X (ne) sont (que) des Y", "les X, cette vermine"
const FR_GROUP = `(?:(?:tous |toutes )?(?:ces|les|vos|nos|leurs|des) )?(?:sales? )?${oneOf(GROUPS_FR)}`;
const FR_ARE = '(?: ce)? (?:ne )?sont (?:tous |toutes |que |juste |comme |de vrais |de vraies |pires? que )?';
const FR_LINK = `(?:${FR_ARE}(?:des |de la |du |la |les )?| (?:cette|ces) (?:sales? )?)`;
const FR = `${FR_GROUP}${FR_LINK}${oneOf(VERMIN_FR)}`;
// English: "(all) these (filthy) X are (nothing but) (filthy) Y"
const EN_SLUR = '(?:(?:fucking|filthy|dirty) )?';
const EN_GROUP = `(?:(?:all )?(?:these|those|the) |all )?${EN_SLUR}${oneOf(GROUPS_EN)}`;
const EN_ARE = ' (?:are|r) (?:all |just |nothing but |like |no better than |basically |worse than )?(?:a |an |the )?';
const EN = `${EN_GROUP}${EN_ARE}${EN_SLUR}${oneOf(VERMIN_EN)}`;
const DEHUMANISATION = new RegExp(`(?<![^ ])(?:${FR}|${EN})(?![^ ])`, 'g');
const WEIGHT = 0.9;

/**
 * Finds statements that a group of people are vermin or animals ("ces X sont des rats",
 * "these X are animals"): dehumanisation, the identity attack that precedes violence.
 */
export function findDehumanisation(text: NormalizedText): ScoredSpan[] {
  const spans: ScoredSpan[] = [];
  DEHUMANISATION.lastIndex = 0;
  for (let m = DEHUMANISATION.exec(text.text); m !== null; m = DEHUMANISATION.exec(text.text)) {
    const span = toRawSpan(text, m.index, m.index + m[0].length);
    spans.push({ ...span, attribute: 'identity_attack', weight: WEIGHT });
  }
  return spans;
}
