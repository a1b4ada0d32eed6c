import { CALL, INTENT, NEGATIONS, PASSIVE_CALL, PASSIVE_THREAT, SKIPPABLE, SUBJECT_PRONOUN, WISH } from './frame-words.js';
import type { Sentence, Word } from './read-sentences.js';
import { stemKey } from './stems.js';
import type { SevereCategory, SevereFinding } from './severe-finding.js';
import { nounPhraseAt, objectOf, subjectBefore, type Target, type TargetKind } from './target-slot.js';

type FrameKind = 'intent' | 'call' | 'passive_call' | 'passive_threat' | 'wish' | 'imperative';
interface Frame {
  kind: FrameKind;
  /** Sentence-local index of the frame's first and last word. */
  start: number;
  end: number;
  negated: boolean;
}

const FRAMES: ReadonlyArray<readonly [FrameKind, readonly string[][]]> = [
  ['passive_threat', PASSIVE_THREAT],
  ['passive_call', PASSIVE_CALL],
  ['intent', INTENT],
  ['call', CALL],
  ['wish', WISH],
];
// frames by their last word: a position costs one lookup, not a pass over every frame
const FRAMES_BY_LAST = new Map<string, Array<readonly [FrameKind, readonly string[]]>>();
for (const [kind, list] of FRAMES) {
  for (const seq of list) FRAMES_BY_LAST.set(seq[seq.length - 1]!, [...(FRAMES_BY_LAST.get(seq[seq.length - 1]!) ?? []), [kind, seq]]);
}
const WISH_BY_LAST = new Map<string, string[][]>();
for (const seq of WISH) WISH_BY_LAST.set(seq[seq.length - 1]!, [...(WISH_BY_LAST.get(seq[seq.length - 1]!) ?? []), seq]);
const CATEGORY: Record<FrameKind, SevereCategory> = {
  intent: 'threat', passive_threat: 'threat', call: 'incitement', passive_call: 'incitement', imperative: 'incitement', wish: 'wish_of_harm',
};
const FIRST_PERSON = new Set(['je', 'on', 'nous', 'i', 'we', 'moi']);
const COORDINATION = new Set(['et', 'and', 'puis', 'then', 'ou', 'or', 'ensuite']);
const OPENERS = new Set(['allez', 'go', 'alors', 'bon', 'please', 'svp', 'so', 'now', 'maintenant', 'oui', 'yes', 'ok', 'vas', 'va', 'just']);
// in a sequence, these may stand anywhere: "devraient tous être", "should all be"
const FLOATING = new Set(['tous', 'toutes', 'tout', 'all', 'vraiment', 'really', 'simply', 'just', 'meme', 'encore', 'bien', 'plutot']);
// a denial standing inside a frame ("I am not going to", "we are never going to") is skipped like an adverb, and denies it
const FLOATING_DENIALS = new Set(['not', 'never']);
// a verb right after these is a noun: "ce massacre", "the killing"
const NOUN_BEFORE = new Set('un une ce cet cette du des au aux mon ton son ma ta sa mes tes ses notre votre nos vos the an this that these those my his its our their'.split(' '));
const INTERROGATIVES = new Set(['combien', 'pourquoi', 'comment', 'how', 'why']);
const FUTURE = /(?:rai|ras|ra|rons|rez|ront)$/;
const DIE_TO_NO_HARM = new Set(['rire', 'envie', 'ennui', 'laughing', 'laughter', 'boredom']);
// between a subject and its "die" verb: "vont tous", "are going to", "pouvaient", "will"
const DIE_AUX = new Set('vas va vont allez allons vais will ll gonna going to are is am be were was pouvaient pouvait puissent puisse tous toutes all finally enfin bientot soon'.split(' '));
const FUTURE_AUX = new Set(['vas', 'va', 'vont', 'allez', 'allons', 'will', 'll', 'gonna', 'going']);
const PASSIVE_AUX = new Set('sera seront soit soient serait seraient etre gets get got getting be being is are was were will ll puisse puissent'.split(' '));
const SEE = new Set(['voir', 'see', 'watch', 'regarder']);
const TARGET_WEIGHT: Record<TargetKind, number> = { reader: 1, group: 1, person: 0.9, property: 0.9, unknown: 0.7, combatant: 0.6, none: 0 };

/** Whether `seq` ends at words[end], floating words ("tous", "all") allowed in between. */
function startOf(words: readonly Word[], end: number, seq: readonly string[]): number | undefined {
  let i = end;
  for (let k = seq.length - 1; k >= 0; k--) {
    while (i >= 0 && k < seq.length - 1 && (FLOATING.has(words[i]!.word) || FLOATING_DENIALS.has(words[i]!.word)) && words[i]!.word !== seq[k]) i--;
    if (i < 0 || words[i]!.word !== seq[k]) return undefined;
    i--;
  }
  return i + 1;
}

/** A denying word; "ne" denies unless a "que" follows ("ne sont que des…" restricts). */
function isDenial(words: readonly Word[], i: number): boolean {
  const w = words[i]!.word;
  if (NEGATIONS.has(w)) return true;
  return w === 'ne' && !words.slice(i + 1, i + 5).some((x) => x.word === 'que' || x.elided === 'qu');
}

/** A denial in the three words before a frame: "personne ne mérite", "no one should". */
function deniedBefore(words: readonly Word[], start: number): boolean {
  for (let i = Math.max(0, start - 3); i < start; i++) if (isDenial(words, i)) return true;
  return false;
}

/** The frame ending right before word `v`, clitics, adverbs and denials skipped ("il ne faut pas les tuer"). */
/** The longest frame ending at words[p]. */
function frameEndingAt(words: readonly Word[], p: number, negated: boolean): Frame | undefined {
  let best: Frame | undefined;
  for (const [kind, seq] of FRAMES_BY_LAST.get(words[p]!.word) ?? []) {
    const start = startOf(words, p, seq);
    if (start === undefined || (best && best.end - best.start >= p - start)) continue;
    // a denial inside the frame is part of it ("n'hésitez pas à", "why don't we")
    const inside = seq.some((s) => NEGATIONS.has(s));
    const deniedWithin = words.slice(start, p).some((w) => FLOATING_DENIALS.has(w.word) && !seq.includes(w.word));
    best = { kind, start, end: p, negated: deniedWithin || (!inside && (negated || deniedBefore(words, start))) };
  }
  return best;
}

function frameBefore(words: readonly Word[], v: number): Frame | undefined {
  let p = v - 1;
  let negated = false;
  let skippedClitic = false;
  for (let skipped = 0; p >= 0 && skipped < 5; skipped++) {
    const w = words[p]!.word;
    // "on finira par tuer": a frame may end on a word that is also skippable
    const frame = frameEndingAt(words, p, negated);
    if (frame) return frame;
    if (isDenial(words, p)) negated = true;
    else if (w === 'ne') {
      // "ne … que" restricts, it does not deny
    } else if (SKIPPABLE.has(w)) skippedClitic ||= NOUN_BEFORE.has(w) || w === 'le' || w === 'la' || w === 'les';
    else break;
    p--;
  }
  if (p < 0) return skippedClitic ? undefined : { kind: 'imperative', start: 0, end: 0, negated };
  if (NOUN_BEFORE.has(words[p]!.word)) return undefined;
  const best = frameEndingAt(words, p, negated);
  if (best) return best;
  const before = words[p]!;
  // "qu'on les fusille": the subjunctive of a call
  if (before.word === 'on' && before.elided === 'qu') return { kind: 'call', start: p, end: p, negated: negated || deniedBefore(words, p) };
  // "allez, brûlez tout", "va crever": an order opens the sentence or a clause, "la réforme va tuer" is no order
  if (OPENERS.has(before.word) && (p === 0 || before.comma)) return { kind: 'imperative', start: p, end: p, negated };
  // "je te tuerai", "on vous massacrera": a first-person subject and a future or the reader as object
  if (FIRST_PERSON.has(before.word) && (FUTURE.test(words[v]!.word) || words.slice(p + 1, v).some((w) => w.word === 'te' || w.word === 'vous'))) {
    return { kind: 'intent', start: p, end: p, negated: negated || deniedBefore(words, p) };
  }
  return undefined;
}

/** The frame of the verb, or of the violent verb it is coordinated with ("brûlez leurs villages et tuez…"). */
function frameOf(words: readonly Word[], v: number, earlier: ReadonlyMap<number, Frame>): Frame | undefined {
  const direct = frameBefore(words, v);
  if (direct && direct.kind !== 'imperative') return direct;
  for (let i = v - 1; i >= Math.max(0, v - 8); i--) {
    if (!COORDINATION.has(words[i]!.word) && !words[i]!.comma) continue;
    // "doivent être jugés, pas lynchés": a denial after the coordination denies this verb
    const denied = words.slice(i, v).some((_, k) => isDenial(words, i + k));
    for (let j = i - 1; j >= Math.max(0, i - 8); j--) {
      const frame = earlier.get(j) ?? (words[j]!.verb === undefined ? frameBefore(words, j) : undefined);
      if (frame && (frame.kind !== 'imperative' || earlier.has(j))) return denied ? { ...frame, negated: true } : frame;
    }
    break;
  }
  if (direct && isImperativeForm(words[v]!)) return direct;
  return wishBefore(words, v);
}

/** "J'espère que … brûle", "I hope … gets shot": a wish anywhere earlier in the sentence. */
function wishBefore(words: readonly Word[], v: number): Frame | undefined {
  for (let end = v - 1; end >= Math.max(0, v - 10); end--) {
    for (const seq of WISH_BY_LAST.get(words[end]!.word) ?? []) {
      if (seq.length === 1 && (seq[0] === 'que' || seq[0] === 'qu' || seq[0] === 'may')) continue;
      const start = startOf(words, end, seq);
      if (start !== undefined) return { kind: 'wish', start, end, negated: words.slice(Math.max(0, start - 3), v).some((_, k) => isDenial(words, Math.max(0, start - 3) + k)) };
    }
    // "que les Haoussas crèvent": a sentence that opens on "que" wishes
    if (end === 0 && (words[0]!.word === 'que' || words[1]?.elided === 'qu')) return { kind: 'wish', start: 0, end: 0, negated: false };
  }
  return undefined;
}

/** "Tuez-les", "brûlons", "kill them all": a form that can be an order. */
function isImperativeForm(w: Word): boolean {
  const sense = w.verb!;
  if (sense.lang === 'en' || stemKey(w.word, 'en') === w.word) return w.word === sense.verb || stemKey(w.word, 'en') === w.word || w.phraseEnd !== undefined;
  return /(?:ez|ons|e|s)$/.test(w.word) && !/(?:ais|ait|erons|ions)$/.test(w.word);
}

/** For "des cafards qu'il faut écraser": the noun phrase the relative clause is about. */
function antecedent(words: readonly Word[], frameStart: number): Target {
  const first = words[frameStart]!;
  if (first.elided !== 'qu' && words[frameStart - 1]?.word !== 'que') return { kind: 'none', from: -1, to: -1 };
  for (let i = frameStart - 1; i >= 0; i--) if (words[i]!.group) return { kind: 'group', from: i, to: i };
  return nounPhraseAt(words, Math.max(0, frameStart - 3));
}

/** The subject right before a verb, auxiliaries skipped: "tu vas mourir", "les Touaregs vont tous mourir". */
function subjectOf(words: readonly Word[], v: number): { target: Target; future: boolean; at: number; addressed: boolean } {
  let s = v - 1;
  let future = FUTURE.test(words[v]!.word);
  for (; s >= 0 && (DIE_AUX.has(words[s]!.word) || PASSIVE_AUX.has(words[s]!.word)); s--) {
    if (FUTURE_AUX.has(words[s]!.word)) future = true;
  }
  const w = words[s];
  const none: Target = { kind: 'none', from: -1, to: -1 };
  if (w === undefined) return { target: none, future, at: s, addressed: false };
  const pronoun = SUBJECT_PRONOUN[w.word];
  if (pronoun === 'reader' || (w.elided === 't' && w.word === 'es')) return { target: { kind: 'reader', from: s, to: s }, future, at: s, addressed: true };
  if (pronoun === 'them') return { target: { kind: 'person', from: s, to: s }, future, at: s, addressed: false };
  if (pronoun === 'self' || NOUN_BEFORE.has(w.word) || w.word === 'la' || w.word === 'le') return { target: none, future, at: s, addressed: false };
  const target = subjectBefore(words, s + 1);
  // "all you Christians are going to die": the reader and their group
  const addressed = words.slice(Math.max(0, s - 3), s).some((x) => x.word === 'you' || x.word === 'vous');
  return { target, future, at: s, addressed };
}

function scoreOf(strength: number, target: TargetKind): number {
  if (strength < 0.8 && (target === 'unknown' || target === 'property' || target === 'combatant')) return 0;
  return Math.min(0.98, (0.55 + 0.45 * strength) * TARGET_WEIGHT[target]);
}

/** "Je veux voir ces Bambaras pendus", "I want to see all the immigrants dead". */
function seeFrame(words: readonly Word[], v: number): { frame: Frame; target: Target } | undefined {
  for (let i = v - 1; i >= Math.max(1, v - 5); i--) {
    if (!SEE.has(words[i]!.word)) continue;
    const wish = frameBefore(words, i) ?? wishBefore(words, i);
    if (wish === undefined || (wish.kind !== 'intent' && wish.kind !== 'wish')) return undefined;
    const target = nounPhraseAt(words, i + 1);
    return { frame: { ...wish, kind: 'wish' }, target: target.kind === 'none' ? subjectBefore(words, v) : target };
  }
  return undefined;
}

interface Read {
  frame: Frame;
  target: Target;
  category: SevereCategory;
}

/** A "die" verb: the subject is the target; a doom, a wish or a call is the frame. */
function readDie(words: readonly Word[], v: number, frame: Frame | undefined): Read | undefined {
  const next = words[v + 1]?.word;
  if ((next === 'de' || next === 'of' || next === 'from') && DIE_TO_NO_HARM.has(words[v + 2]?.word ?? '')) return undefined;
  const { target, future, at, addressed } = subjectOf(words, v);
  const seen = seeFrame(words, v);
  if (seen) return { frame: seen.frame, target: seen.target, category: 'wish_of_harm' };
  // "qu'ils crèvent tous", "que les Maures meurent"
  const subjunctive = at >= 0 && (words[at]!.elided === 'qu' || words[at - 1]?.word === 'que' || words[at - 1]?.elided === 'qu');
  if (subjunctive && target.kind !== 'none' && (at <= 1 || wishBefore(words, at) !== undefined || words[at - 1]?.comma || words[at]!.comma)) {
    const start = words[at]!.elided === 'qu' ? at : Math.max(0, at - 1);
    return { frame: { kind: 'wish', start, end: at, negated: false }, target, category: 'wish_of_harm' };
  }
  // "va crever", "go die", "allez mourir"
  if (frame && OPENERS.has(words[frame.end]!.word) && frame.end === v - 1) return { frame, target: { kind: 'reader', from: v, to: v }, category: 'wish_of_harm' };
  // "puisses-tu mourir": the subject after the wish
  const inverted = frame?.kind === 'wish' && target.kind === 'none' && SUBJECT_PRONOUN[words[frame.end + 1]?.word ?? ''] === 'reader';
  const wish = frame?.kind === 'wish' ? frame : wishBefore(words, Math.max(0, at));
  const here = frame ?? wish ?? { kind: 'imperative' as const, start: Math.max(0, at), end: Math.max(0, at), negated: false };
  if (inverted) return { frame: here, target: { kind: 'reader', from: frame!.end + 1, to: frame!.end + 1 }, category: 'wish_of_harm' };
  if (wish) return target.kind === 'none' ? undefined : { frame: wish, target, category: 'wish_of_harm' };
  if (frame?.kind === 'imperative' || (frame === undefined && target.kind === 'none' && at < 0)) {
    return { frame: here, target: { kind: 'reader', from: v, to: v }, category: 'wish_of_harm' };
  }
  if ((target.kind === 'reader' || (addressed && target.kind === 'group')) && future) return { frame: here, target, category: 'threat' };
  if (frame === undefined) return undefined;
  if (target.kind === 'none') return undefined;
  if (target.kind === 'reader' && frame.kind === 'call') return { frame, target, category: 'wish_of_harm' };
  return { frame, target, category: CATEGORY[frame.kind] };
}

/** A transitive violent verb: the frame before it, its object (or the subject of a passive). */
function readAct(words: readonly Word[], v: number, frame: Frame | undefined): Read | undefined {
  const seen = frame === undefined ? seeFrame(words, v) : undefined;
  if (seen) return { frame: seen.frame, target: seen.target, category: 'wish_of_harm' };
  if (frame === undefined) return undefined;
  const after = words[v]!.phraseEnd ?? v;
  let target: Target;
  if (frame.kind === 'passive_threat') {
    target = subjectBefore(words, frame.start);
    // "vous serez tous égorgés"; "the mayor is going to get shot, I will make sure of it": the speaker vouches for it
    const vouched = words.some((w) => FIRST_PERSON.has(w.word) || w.elided === 'j');
    if (target.kind !== 'reader' && !(vouched && (target.kind === 'person' || target.kind === 'group'))) return undefined;
  } else if (frame.kind === 'passive_call') {
    target = subjectBefore(words, frame.start);
  } else {
    target = objectOf(words, v, frame.end, after);
    if (target.kind === 'none') target = antecedent(words, frame.start);
    // "j'espère que ce journaliste sera abattu", "I hope the minister gets killed", "ta maison brûle avec toi"
    if (target.kind === 'none' && frame.kind === 'wish') target = subjectOf(words, v).target;
    const yours = words.slice(Math.max(0, v - 3), v).some((w) => ['ta', 'ton', 'tes', 'your', 'vos', 'votre'].includes(w.word));
    if ((target.kind === 'none' || target.kind === 'unknown') && frame.kind === 'wish' && (yours || words.slice(v + 1).some((w) => w.word === 'toi' || w.word === 'you'))) target = { kind: 'reader', from: v, to: v };
  }
  return { frame, target, category: CATEGORY[frame.kind] };
}

/** A pronoun target takes the group named earlier in the sentence: "les handicapés, il faut les éliminer". */
function resolvePronoun(words: readonly Word[], target: Target): Target {
  if (target.kind !== 'person' || target.from !== target.to) return target;
  const w = words[target.from]!.word;
  if (!['les', 'them', 'eux', 'leur', 'ils', 'elles', 'they'].includes(w)) return target;
  for (let i = target.from - 1; i >= 0; i--) if (words[i]!.group) return { kind: 'group', from: i, to: target.to };
  // "qu'ils crèvent tous, ces Peuls": the group named after a comma
  for (let i = target.to + 1; i < words.length; i++) if (words[i]!.group && words.slice(target.to + 1, i + 1).some((x) => x.comma)) return { kind: 'group', from: target.from, to: i };
  return target;
}

/**
 * Threats, calls to violence and wishes of harm in one sentence, by structure: a violent verb
 * (any form, by stem), a frame before it (intent, call, wish, a passive call, an order), a
 * target (reader, group, person, property) and no denial.
 */
export function findViolence(sentence: Sentence): SevereFinding[] {
  const { words } = sentence;
  // "combien de soldats doivent encore mourir ?": a question about deaths, not a call
  if (words.some((w) => INTERROGATIVES.has(w.word)) && !words.some((w) => w.word === 'dont' || w.word === 'not')) return [];
  const findings: SevereFinding[] = [];
  const frames = new Map<number, Frame>();
  for (let v = 0; v < words.length; v++) {
    const sense = words[v]!.verb;
    if (sense === undefined || NOUN_BEFORE.has(words[v - 1]?.word ?? '')) continue;
    const direct = frameOf(words, v, frames);
    const read = sense.act === 'die' ? readDie(words, v, direct) : readAct(words, v, direct);
    if (read === undefined) continue;
    frames.set(v, read.frame);
    const target = resolvePronoun(words, read.target);
    const score = scoreOf(sense.strength, target.kind);
    if (score === 0) continue;
    const from = Math.min(read.frame.start, target.from < 0 ? v : target.from, v);
    const to = Math.max(words[v]!.phraseEnd ?? v, target.to);
    findings.push({ category: read.category, score, from, to, verb: v, negated: read.frame.negated, target: target.kind });
  }
  return findings;
}
