import {
  CLITIC_TARGET, COMBATANTS, DETERMINERS, DWELLINGS, NOT_PEOPLE, OBJECT_PRONOUN, PEOPLE_NOUNS, POSSESSIVES, SKIPPABLE, SUBJECT_PRONOUN,
} from './frame-words.js';
import type { Word } from './read-sentences.js';

/**
 * Who a violent act is aimed at, from most to least sure it is a person:
 * `reader` (te, vous, you), `group` (any identity group, built-in or the site's), `person`
 * (a pronoun, a name, "le ministre"), `combatant` (terrorists, rebels: a war, not a people), `property` (their homes, mosques, churches), `unknown`
 * (some noun phrase), `none` (nothing, or an everyday object: "le temps", "the bill").
 */
export type TargetKind = 'reader' | 'group' | 'person' | 'combatant' | 'property' | 'unknown' | 'none';

export interface Target {
  kind: TargetKind;
  /** Sentence-local index of the target's first and last word, when it has words. */
  from: number;
  to: number;
}

const NONE: Target = { kind: 'none', from: -1, to: -1 };
const QUANTIFIERS = new Set(['tous', 'toutes', 'all', 'chacun', 'every', 'each']);
const PARTICLES = new Set(['down', 'up', 'out', 'off', 'away']);
// a people's places of worship, whoever's they are
const WORSHIP = new Set(['mosquee', 'mosquees', 'eglise', 'eglises', 'synagogue', 'synagogues', 'temple', 'temples', 'mosque', 'mosques', 'church', 'churches']);
const OWNER: Readonly<Record<string, 'reader' | 'person'>> = {
  ta: 'reader', ton: 'reader', tes: 'reader', your: 'reader', vos: 'reader', votre: 'reader',
  sa: 'person', son: 'person', ses: 'person', leur: 'person', leurs: 'person', his: 'person', her: 'person', their: 'person',
};

/** The noun phrase starting at `at`: a group, people, property or something else. */
export function nounPhraseAt(words: readonly Word[], at: number): Target {
  let i = at;
  let possessive = false;
  let quantified = false;
  for (let n = 0; n < 3 && i < words.length; n++) {
    const w = words[i]!;
    if (w.group) return { kind: 'group', from: at, to: i + w.group.end - 1 };
    if (!DETERMINERS.has(w.word) && !QUANTIFIERS.has(w.word) && w.word !== 'sales' && w.word !== 'sale') break;
    possessive ||= POSSESSIVES.has(w.word);
    quantified ||= QUANTIFIERS.has(w.word);
    i++;
  }
  const head = words[i];
  if (head === undefined) return quantified ? { kind: 'person', from: at, to: at } : NONE;
  if (head.group) return { kind: 'group', from: at, to: i + head.group.end - 1 };
  // "cette race de Maures", "ces chiens d'Arabes", "this bunch of migrants"
  for (let k = i + 1; k <= i + 2 && k < words.length; k++) {
    const w = words[k]!;
    if (w.group && (['de', 'des', 'du', 'of'].includes(words[k - 1]!.word) || w.elided === 'd')) return { kind: 'group', from: at, to: k };
  }
  if ((possessive || quantified || WORSHIP.has(head.word)) && DWELLINGS.has(head.word)) return { kind: 'property', from: at, to: i };
  if (PEOPLE_NOUNS.has(head.word)) return { kind: 'person', from: at, to: i };
  if (COMBATANTS.has(head.word)) return { kind: 'combatant', from: at, to: i };
  if (NOT_PEOPLE.has(head.word) || head.verb !== undefined) return NONE;
  if (head.capital) return { kind: 'person', from: at, to: i };
  if (head.predicate) return { kind: 'unknown', from: at, to: i };
  return i > at ? { kind: quantified ? 'person' : 'unknown', from: at, to: i } : NONE;
}

/**
 * The object of a transitive violent verb at `v`: an elided or clitic pronoun before it
 * ("l'abattre", "te tuer", "les pendre"), else what follows it ("tuer tous les Peuls",
 * "kill them", "brûler leurs villages").
 */
export function objectOf(words: readonly Word[], v: number, frameEnd: number, after = v): Target {
  const verb = words[v]!;
  if (verb.elided === 't') return { kind: 'reader', from: v, to: v };
  if (verb.elided === 'l') return { kind: 'person', from: v, to: v };
  for (let i = v - 1; i > frameEnd; i--) {
    const clitic = CLITIC_TARGET[words[i]!.word];
    if (clitic === 'reader') return { kind: 'reader', from: i, to: i };
    if (clitic === 'them') return { kind: 'person', from: i, to: i };
  }
  // "slit your throat", "casser la gueule à ce ministre": the owner of the body part
  if (after > v) {
    for (let i = v + 1; i <= after; i++) {
      const w = words[i]!;
      const owner = OWNER[w.word] ?? OBJECT_PRONOUN[w.word];
      if (owner === 'reader' || owner === 'person' || owner === 'them') return { kind: owner === 'them' ? 'person' : owner, from: i, to: i };
      if (w.group) return { kind: 'group', from: i, to: i };
    }
  }
  let i = after + 1;
  while (i < words.length && PARTICLES.has(words[i]!.word)) i++;
  if (words[i]?.word === 'a' || words[i]?.word === 'au' || words[i]?.word === 'aux') i += words[i]!.word === 'a' ? 1 : 0;
  const next = words[i];
  if (next === undefined) return NONE;
  // "tuez-les" is a pronoun, "tuer les Peuls" a determiner
  const determiner = next.word === 'les' && words[i + 1] !== undefined && !words[i + 1]!.comma && !SKIPPABLE.has(words[i + 1]!.word);
  const pronoun = determiner ? undefined : OBJECT_PRONOUN[next.word];
  if (pronoun === 'reader') return { kind: 'reader', from: i, to: i };
  if (pronoun === 'them') return { kind: 'person', from: i, to: i };
  if (pronoun === 'self') return NONE;
  if (next.capital && !DETERMINERS.has(next.word) && !SKIPPABLE.has(next.word)) return { kind: next.group ? 'group' : 'person', from: i, to: i };
  return nounPhraseAt(words, i);
}

/**
 * The subject before index `before` (a passive call, a "die" verb): a pronoun, a group, people
 * ("ils doivent mourir", "tous ces traîtres devraient être pendus", "Muslims must die").
 */
export function subjectBefore(words: readonly Word[], before: number): Target {
  for (let i = before - 1; i >= Math.max(0, before - 5); i--) {
    const w = words[i]!;
    const pronoun = SUBJECT_PRONOUN[w.word];
    if (pronoun === 'reader' && i === before - 1) return { kind: 'reader', from: i, to: i };
    if (pronoun === 'them' && i === before - 1) return { kind: 'person', from: i, to: i };
    if (w.group) return { kind: 'group', from: i, to: i + w.group.end - 1 };
    if (PEOPLE_NOUNS.has(w.word)) return { kind: 'person', from: i, to: i };
    if (COMBATANTS.has(w.word)) return { kind: 'combatant', from: i, to: i };
    if (w.capital && !DETERMINERS.has(w.word)) return { kind: 'person', from: i, to: i };
    if (pronoun === 'reader' || pronoun === 'them') return { kind: pronoun === 'reader' ? 'reader' : 'person', from: i, to: i };
    if (NOT_PEOPLE.has(w.word)) return NONE;
  }
  return words.slice(Math.max(0, before - 4), before).some((w) => DETERMINERS.has(w.word)) ? { kind: 'unknown', from: Math.max(0, before - 4), to: before - 1 } : NONE;
}
