import { foldForm } from '../identity/identity-lexicon.js';
import { ENGLISH_PREDICATES, FRENCH_PREDICATES, type PredicateRow } from './dehumanising-terms.js';
import { frenchForms } from './french-paradigm.js';
import { stemKey, type StemLang } from './stems.js';
import { ENGLISH_VERBS, FRENCH_VERBS, type Act, type VerbRow } from './violent-verbs.js';

/** A violent verb read in a comment. */
export interface VerbSense {
  verb: string;
  act: Act;
  strength: number;
  lang: StemLang;
}

/** A dehumanising predicate read in a comment. */
export interface PredicateSense {
  word: string;
  strength: number;
}

// words that share a stem with a violent verb but are something else: "tu", "pendant", "but"
const NOT_VERBS = new Set(['tu', 'but', 'buts', 'pendant', 'pendants', 'pendentif', 'pendentifs', 'ton', 'tue-tete', 'abats', 'shots', 'stones', 'gas', 'rotten', 'killer', 'killers', 'tuteur', 'tuile']);

const fold = (word: string) => foldForm(word).join(' ');
const splitForms = (forms: string | undefined) => (forms ? forms.split('|').map(fold) : []);

function indexVerbs(rows: readonly VerbRow[], lang: StemLang, byKey: Map<string, VerbSense>): void {
  for (const [verb, act, strength, irregular] of rows) {
    const infinitive = fold(verb);
    const forms = [...(lang === 'fr' ? frenchForms(infinitive) : [infinitive]), ...splitForms(irregular)];
    const sense: VerbSense = { verb: infinitive, act, strength, lang };
    for (const form of forms) if (!byKey.has(`${lang}:${stemKey(form, lang)}`)) byKey.set(`${lang}:${stemKey(form, lang)}`, sense);
  }
}

const VERBS = new Map<string, VerbSense>();
indexVerbs(FRENCH_VERBS, 'fr', VERBS);
indexVerbs(ENGLISH_VERBS, 'en', VERBS);

/** Every violent verb form the scorer knows, written out: the vocabulary obfuscated spellings are read against. */
export const VIOLENT_VERB_FORMS: readonly string[] = [
  ...FRENCH_VERBS.flatMap(([verb, , , irregular]) => [...frenchForms(fold(verb)), ...splitForms(irregular)]),
  ...ENGLISH_VERBS.flatMap(([verb, , , irregular]) => [...englishForms(fold(verb)), ...splitForms(irregular)]),
];

/** "execute" → executes, executed, executing; "stab" → stabbed, stabbing. */
function englishForms(verb: string): string[] {
  const stem = verb.endsWith('e') ? verb.slice(0, -1) : /^[^aeiou]*[aeiou][bdgmnprt]$/.test(verb) ? verb + verb.slice(-1) : verb;
  const s = /(?:ch|sh|s|x)$/.test(verb) ? `${verb}es` : `${verb}s`;
  return [verb, s, `${stem}ed`, `${stem}ing`];
}

/**
 * The violent verb a folded word is a form of, by its French or English stem.
 * @example verbOf('pendront')?.verb // 'pendre'
 */
export function verbOf(word: string): VerbSense | undefined {
  if (word.length < 3 || NOT_VERBS.has(word)) return undefined;
  return VERBS.get(`fr:${stemKey(word, 'fr')}`) ?? VERBS.get(`en:${stemKey(word, 'en')}`);
}

// predicates are nouns: their written forms and regular plurals, not stems ("rat" must not read "raté")
function indexPredicates(rows: readonly PredicateRow[], into: Map<string, PredicateSense>): void {
  for (const [word, strength, forms] of rows) {
    const folded = fold(word);
    const sense = { word: folded, strength };
    const plural = folded.endsWith('s') || folded.endsWith('x') ? folded : `${folded}s`;
    for (const form of [folded, plural, ...splitForms(forms)]) if (!into.has(form)) into.set(form, sense);
  }
}

const PREDICATES = new Map<string, PredicateSense>();
indexPredicates(FRENCH_PREDICATES, PREDICATES);
indexPredicates(ENGLISH_PREDICATES, PREDICATES);

/** Every dehumanising predicate form, written out, for the obfuscation reader. */
export const PREDICATE_FORMS: readonly string[] = [...PREDICATES.keys()];

/** The dehumanising predicate a folded word is a form of ("cafards", "animaux", "vermin"). */
export const predicateOf = (word: string): PredicateSense | undefined => PREDICATES.get(word);
