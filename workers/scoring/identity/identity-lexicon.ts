import { normalizeForMatching, type Token } from '../../text/normalize.js';
import { IDENTITY_GROUPS, type GroupKind, type IdentityGroup } from './identity-groups.js';
import { PLACE_NAMES } from './place-names.js';

/** A group named in a comment: which one, and the tokens [start, end) that name it. */
export interface GroupMention {
  id: string;
  kind: GroupKind | 'site';
  start: number;
  end: number;
}

interface Form {
  words: readonly string[];
  id: string;
  kind: GroupMention['kind'];
}

/** The folded words of a written form, as comments are folded. */
export const foldForm = (form: string): string[] => normalizeForMatching(form).tokens.map((t) => t.word);

// words that are also colours or everyday adjectives: a group only after a determiner ("les Noirs", not "un drapeau noir")
const ADJECTIVE_LIKE = new Set(
  'noir noire noirs noires blanc blanche blancs blanches black white french english chinese japanese british turkish jewish gay trans arabe'.split(' '),
);
const DETERMINERS = new Set(
  'les des ces aux tous toutes sales sale un une le la ce cet cette nos vos leurs ses mes tes the all those these a an most many some every filthy dirty fucking bloody damn'.split(' '),
);
// "hommes politiques", "hommes armés", "femme d'affaires": a role, not a sex
const ROLE_AFTER = new Set('politique politiques arme armes armee armees affaires etat loi main uniforme science sciences lettres'.split(' '));
const ROLE_GROUPS = new Set(['women', 'men']);

function indexOf(forms: readonly Form[]): Map<string, Form[]> {
  const byFirst = new Map<string, Form[]>();
  for (const form of forms) {
    if (form.words.length === 0) continue;
    const list = byFirst.get(form.words[0]!) ?? [];
    list.push(form);
    byFirst.set(form.words[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return byFirst;
}

const formsOf = (group: IdentityGroup): Form[] =>
  [group.fr, group.en]
    .flatMap((written) => written.split('|'))
    .filter((w) => w.trim() !== '')
    .map((w) => ({ words: foldForm(w), id: group.id, kind: group.kind }));

const BUILT_IN = indexOf(IDENTITY_GROUPS.flatMap(formsOf));
const PLACES = new Set(PLACE_NAMES.flatMap((list) => list.split('|')).flatMap(foldForm));
/** Every one-word group name, folded, for the classifiers' group mask ("de" of "gens du voyage" is no group). */
const GROUP_WORDS = new Set([...BUILT_IN.values()].flat().filter((f) => f.words.length === 1).map((f) => f.words[0]!));

/** Number of written forms in the built-in lexicon (reported in the docs). */
export const IDENTITY_FORM_COUNT = [...BUILT_IN.values()].reduce((n, list) => n + list.length, 0);

/** Whether a folded word belongs to a group name of the built-in lexicon ("peuls", "musulmanes"). */
export const isGroupWord = (word: string): boolean => GROUP_WORDS.has(word);
/** Whether a folded word belongs to a place name ("niger", "niamey", "tillaberi"). */
export const isPlaceWord = (word: string): boolean => PLACES.has(word);

const siteIndexes = new WeakMap<readonly string[], Map<string, Form[]>>();
/** The index of a site's own group words (`policy.groupTerms`), compiled once per list. */
function siteIndex(terms: readonly string[]): Map<string, Form[]> {
  let index = siteIndexes.get(terms);
  if (index === undefined) {
    index = indexOf(terms.map((t) => ({ words: foldForm(t), id: `site:${foldForm(t).join(' ')}`, kind: 'site' as const })));
    siteIndexes.set(terms, index);
  }
  return index;
}

function longestAt(index: Map<string, Form[]>, words: readonly string[], at: number): Form | undefined {
  const candidates = index.get(words[at]!);
  if (candidates === undefined) return undefined;
  return candidates.find((f) => f.words.every((w, k) => words[at + k] === w));
}

/**
 * The group named at token `at`, if any: built-in forms and the site's own words, longest first.
 * Colour words count only after a determiner, and "hommes politiques" names a role, not a sex.
 * @example groupAt(['tuer', 'les', 'peuls'], 2) // { id: 'fulani', kind: 'people', start: 2, end: 3 }
 */
export function groupAt(words: readonly string[], at: number, siteTerms: readonly string[] = []): GroupMention | undefined {
  const form = longestAt(BUILT_IN, words, at) ?? (siteTerms.length > 0 ? longestAt(siteIndex(siteTerms), words, at) : undefined);
  if (form === undefined) return undefined;
  const end = at + form.words.length;
  if (form.words.length === 1 && ADJECTIVE_LIKE.has(form.words[0]!) && !DETERMINERS.has(words[at - 1] ?? '')) return undefined;
  if (ROLE_GROUPS.has(form.id) && ROLE_AFTER.has(words[end] ?? '')) return undefined;
  return { id: form.id, kind: form.kind, start: at, end };
}

/** The folded words of a comment's tokens, the shape `groupAt` reads. */
export const wordsOf = (tokens: readonly Token[]): string[] => tokens.map((t) => t.word);
