import { NEGATIONS } from './frame-words.js';
import type { Sentence, Word } from './read-sentences.js';
import type { SevereFinding } from './severe-finding.js';
import { subjectBefore, type Target } from './target-slot.js';

const COPULAS = new Set(['sont', 'est', 'etaient', 'etait', 'seront', 'restent', 'resteront', 'deviennent', 'devenus', 'are', 'is', 'r', 'were', 'remain', 'become', 'es', 'etes']);
// words that may stand between a copula and its predicate: "ne sont que de sales rats", "are nothing but filthy vermin"
const FILLERS = new Set(
  ('des de du la les le un une d que ne tous toutes tout juste rien autre vrais vraies vrai vraie vraiment comme pires pire sales sale ' +
    'simplement seulement veritables veritable grosses gros bons bonnes a an the just all nothing but like no better than basically ' +
    'worse filthy dirty fucking bloody complete total real true absolute such ' +
    'bunch of pack plague bande tas espece horde nid troupeau race nest herd').split(' '),
);
const OPENERS = new Set(['ces', 'cette', 'ce', 'cet', 'these', 'those', 'this', 'that', 'leurs', 'their']);
const VOCATIVES = new Set(['bande', 'tas', 'espece', 'race', 'bunch', 'pack', 'herd', 'horde', 'troupeau', 'nid', 'nest']);
const OF = new Set(['de', 'd', 'of', 'des']);
const LIKE = new Set(['comme', 'like']);
// animals used to insult black people: a racist slur, whoever is called so
const RACIAL_ANIMALS = new Set(['singe', 'singes', 'macaque', 'macaques', 'gorille', 'gorilles', 'chimpanze', 'chimpanzes', 'babouin', 'babouins', 'guenon', 'guenons', 'ape', 'apes', 'monkey', 'monkeys', 'gorilla', 'gorillas', 'baboon', 'baboons', 'chimp', 'chimps']);
const HUMAN_WORDS = new Set(['humains', 'humaines', 'humain', 'humaine', 'human', 'humans', 'hommes', 'personnes', 'people', 'persons']);
const LIFE = new Set(['vivre', 'exister', 'respirer', 'live', 'exist', 'breathe', 'existe', 'existent']);
const DEONTIC = /^(?:merit|devr|doiv|doit|droit|should|deserve|allowed|must|ought|need|faut|peuvent)/;

function scoreFor(target: Target, strength: number, predicate: string): number {
  if (target.kind === 'group') return 0.45 + 0.5 * strength;
  if (RACIAL_ANIMALS.has(predicate) && (target.kind === 'reader' || target.kind === 'person' || target.kind === 'unknown')) return 0.9;
  // an animal said of a person or the reader is an insult to hold, not a people's dehumanisation
  if (strength >= 0.9 && target.kind !== 'none' && target.kind !== 'combatant') return 0.6;
  return 0;
}

/** Left of predicate `q`, past fillers: the copula, "=" or a comma that links it to its subject. */
function linkBefore(words: readonly Word[], q: number): { at: number; negated: boolean } | undefined {
  let negated = false;
  for (let i = q - 1; i >= Math.max(0, q - 7); i--) {
    const w = words[i]!;
    if (COPULAS.has(w.word)) return { at: i, negated };
    // "nothing but garbage" restricts, it does not deny
    if (NEGATIONS.has(w.word) && !(w.word === 'nothing' && words[i + 1]?.word === 'but')) negated = true;
    else if (!FILLERS.has(w.word)) return words[i + 1]!.equals || words[i + 1]!.comma ? { at: i + 1, negated } : undefined;
    if (w.equals) return { at: i, negated };
  }
  return words[q]!.equals ? { at: q, negated } : undefined;
}

/** Right of "ces cafards": "de Peuls", "d'Arabes", "of Muslims" or an adjective ("cette vermine peule"). */
function groupAfter(words: readonly Word[], q: number): Target | undefined {
  const next = words[q + 1];
  if (next?.group) return { kind: 'group', from: q + 1, to: q + next.group.end };
  const after = words[q + 2];
  if (after?.group && (OF.has(next?.word ?? '') || after.elided === 'd')) return { kind: 'group', from: q + 2, to: q + 1 + after.group.end };
  return undefined;
}

/**
 * Statements that a group is vermin, animals, disease or filth, in their usual shapes:
 * "les X sont des cafards", "X = vermine", "ces cafards de X", "cette vermine peule",
 * "bande de macaques", "ils se reproduisent comme des rats", and denials of humanity or of
 * the right to live ("ne sont pas des humains", "ne méritent pas de vivre").
 */
export function findDehumanisation(sentence: Sentence, previous?: Sentence): SevereFinding[] {
  const { words } = sentence;
  const findings: SevereFinding[] = [];
  for (let q = 0; q < words.length; q++) {
    const w = words[q]!;
    if (w.predicate) {
      const finding = predicateFinding(words, q) ?? answerTo(previous, words, q);
      if (finding) findings.push(finding);
    } else if (HUMAN_WORDS.has(w.word) || LIFE.has(w.word)) {
      const finding = deniedHumanity(words, q);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

function predicateFinding(words: readonly Word[], q: number): SevereFinding | undefined {
  const { strength, word } = words[q]!.predicate!;
  const make = (target: Target, negated: boolean): SevereFinding | undefined => {
    const score = scoreFor(target, strength, word);
    if (score === 0) return undefined;
    return { category: 'dehumanisation', score, from: Math.min(target.from < 0 ? q : target.from, q), to: Math.max(q, target.to), verb: q, negated, target: target.kind };
  };
  // "ces cafards de Peuls", "bande de macaques", "this vermin of …"
  let o = q - 1;
  while (o >= 0 && (words[o]!.word === 'sales' || words[o]!.word === 'sale' || words[o]!.word === 'filthy' || words[o]!.word === 'dirty')) o--;
  const opener = words[o];
  const vocative = opener && OF.has(opener.word) && VOCATIVES.has(words[o - 1]?.word ?? '');
  const vocativeElided = opener && VOCATIVES.has(opener.word) && words[o + 1]?.elided === 'd';
  if (opener && (OPENERS.has(opener.word) || vocative || vocativeElided)) {
    const group = groupAfter(words, q) ?? groupBeforeComma(words, o);
    if (group) return make({ ...group, from: Math.min(o, group.from) }, false);
    if (vocative || vocativeElided) return make({ kind: 'reader', from: vocative ? o - 1 : o, to: q }, false);
  }
  // "les X sont des cafards", "X = vermine", "you are animals"
  const link = linkBefore(words, q);
  if (link) {
    const before = words[link.at - 1];
    let subject: Target = before?.group ? { kind: 'group', from: link.at - 1, to: link.at - 1 } : subjectBefore(words, link.at);
    // "Disabled people are a waste of space, nothing but garbage": the group opened the sentence
    if (subject.kind === 'none' || subject.kind === 'unknown') {
      for (let j = link.at - 1; j >= Math.max(0, link.at - 10); j--) if (words[j]!.group) subject = { kind: 'group', from: j, to: j };
    }
    const reader = ['es', 'etes', 'tu', 'vous', 'you', 'youre', 'ur'].includes(before?.word ?? '') || ['es', 'etes'].includes(words[link.at]!.word);
    return make(reader && subject.kind !== 'group' ? { kind: 'reader', from: link.at - 1, to: q } : subject, link.negated);
  }
  // "ils se reproduisent comme des rats" with a group named before
  for (let i = q - 1; i >= Math.max(0, q - 3); i--) {
    if (!LIKE.has(words[i]!.word)) continue;
    for (let j = i - 1; j >= Math.max(0, i - 8); j--) if (words[j]!.group) return make({ kind: 'group', from: j, to: j }, words.slice(j, q).some((x) => NEGATIONS.has(x.word)));
  }
  return undefined;
}

/** "Les X ne sont pas des humains", "X ne méritent pas de vivre", "X shouldn't exist". */
function deniedHumanity(words: readonly Word[], q: number): SevereFinding | undefined {
  const window = words.slice(Math.max(0, q - 6), q);
  const life = LIFE.has(words[q]!.word);
  if (life && (!window.some((x) => NEGATIONS.has(x.word)) || !window.some((x) => DEONTIC.test(x.word)))) return undefined;
  // "are not human": copula, denial, then only articles before the word
  if (!life) {
    let i = q - 1;
    while (i >= 0 && ['des', 'de', 'd', 'a', 'an', 'vrais', 'etres', 'real', 'fully', 'really'].includes(words[i]!.word)) i--;
    if (i < 1 || !NEGATIONS.has(words[i]!.word)) return undefined;
    if (!COPULAS.has(words[i - 1]!.word) && !(words[i - 1]!.word === 'sont' || COPULAS.has(words[i - 2]?.word ?? ''))) return undefined;
  }
  let subject: Target | undefined;
  for (let j = q - 1; j >= Math.max(0, q - 8) && subject === undefined; j--) if (words[j]!.group) subject = { kind: 'group', from: j, to: j };
  subject ??= subjectBefore(words, Math.max(0, q - window.length));
  const score = subject.kind === 'group' ? 0.9 : subject.kind === 'person' || subject.kind === 'reader' ? 0.6 : 0;
  if (score === 0) return undefined;
  return { category: 'dehumanisation', score, from: Math.min(subject.from, q), to: q, verb: q, negated: false, target: subject.kind };
}

/** "Les Mossis, ces rats": the group right before an apposition. */
function groupBeforeComma(words: readonly Word[], opener: number): Target | undefined {
  if (!words[opener]!.comma) return undefined;
  for (let j = opener - 1; j >= Math.max(0, opener - 3); j--) if (words[j]!.group) return { kind: 'group', from: j, to: j };
  return undefined;
}

/** "Les Ivoiriens ? Des cafards.": a predicate answering a short sentence that names a group. */
function answerTo(previous: Sentence | undefined, words: readonly Word[], q: number): SevereFinding | undefined {
  if (previous === undefined || previous.words.length > 4 || q > 1) return undefined;
  const group = previous.words.find((w) => w.group);
  if (group === undefined) return undefined;
  const { strength } = words[q]!.predicate!;
  return { category: 'dehumanisation', score: scoreFor({ kind: 'group', from: 0, to: 0 }, strength, words[q]!.predicate!.word), from: 0, to: q, verb: q, negated: false, target: 'group' };
}
