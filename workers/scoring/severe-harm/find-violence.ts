import { CALL, INTENT, NEGATIONS, PASSIVE_CALL, PASSIVE_THREAT, SKIPPABLE, SUBJECT_PRONOUN, WISH } from './frame-words.js';
import type { Sentence, Word } from './read-sentences.js';
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
const CATEGORY: Record<FrameKind, SevereCategory> = {
  intent: 'threat', passive_threat: 'threat', call: 'incitement', passive_call: 'incitement', imperative: 'incitement', wish: 'wish_of_harm',
};
const FIRST_PERSON = new Set(['je', 'on', 'nous', 'i', 'we', 'moi']);
const COORDINATION = new Set(['et', 'and', 'puis', 'then', 'ou', 'or', 'ensuite', 'avant', 'apres']);
const OPENERS = new Set(['allez', 'go', 'alors', 'bon', 'please', 'svp', 'so', 'now', 'maintenant', 'oui', 'yes', 'ok', 'vas', 'va', 'just']);
const FUTURE = /(?:rai|ras|ra|rons|rez|ront)$/;
const DIE_TO_NO_HARM = new Set(['rire', 'faim', 'soif', 'honte', 'envie', 'froid', 'chaud', 'ennui', 'laughing', 'laughter', 'boredom', 'hunger', 'thirst', 'shame', 'cold']);
const DIE_FUTURE_AUX = new Set(['vas', 'va', 'allez', 'will', 'll', 'gonna', 'allons', 'vais']);
// an armed group as target: a call to kill them is held for a person, an army's victory over them is no harm
const TARGET_WEIGHT: Record<TargetKind, number> = { reader: 1, group: 1, person: 0.9, property: 0.85, unknown: 0.7, combatant: 0.6, none: 0 };

/** Whether words[end-len+1..end] spell `seq`. */
const endsWith = (words: readonly Word[], end: number, seq: readonly string[]) =>
  end - seq.length + 1 >= 0 && seq.every((s, k) => words[end - seq.length + 1 + k]!.word === s);

/** The frame ending right before word `v`, clitics, adverbs and denials skipped ("il ne faut pas les tuer"). */
function frameBefore(words: readonly Word[], v: number): Frame | undefined {
  let p = v - 1;
  let negated = false;
  for (let skipped = 0; p >= 0 && skipped < 5; skipped++) {
    const w = words[p]!.word;
    if (NEGATIONS.has(w) || w === 'ne') negated ||= w !== 'ne';
    else if (!SKIPPABLE.has(w)) break;
    p--;
  }
  if (p < 0) return { kind: 'imperative', start: 0, end: 0, negated };
  let best: Frame | undefined;
  for (const [kind, list] of FRAMES) {
    for (const seq of list) {
      if (!endsWith(words, p, seq) || (best && best.end - best.start + 1 >= seq.length)) continue;
      const start = p - seq.length + 1;
      // a denial inside the frame is part of it ("n'hésitez pas à", "why don't we")
      const inside = seq.some((s) => NEGATIONS.has(s));
      best = { kind, start, end: p, negated: !inside && (negated || deniedBefore(words, start)) };
    }
  }
  if (best) return best;
  if (OPENERS.has(words[p]!.word)) return { kind: 'imperative', start: p, end: p, negated };
  // "je te tuerai", "on vous massacrera": a first-person subject and a future or the reader as object
  const subject = words[p]!;
  if (FIRST_PERSON.has(subject.word) && (FUTURE.test(words[v]!.word) || words.slice(p + 1, v).some((w) => w.word === 'te' || w.word === 'vous'))) {
    return { kind: 'intent', start: p, end: p, negated: negated || deniedBefore(words, p) };
  }
  return undefined;
}

/** A denial in the two words before a frame: "personne ne mérite", "no one should". */
function deniedBefore(words: readonly Word[], start: number): boolean {
  for (let i = Math.max(0, start - 3); i < start; i++) if (NEGATIONS.has(words[i]!.word)) return true;
  return false;
}

/** The frame of the verb, or of the verb it is coordinated with ("brûler leurs villages et tuer tous les Peuls"). */
function frameOf(words: readonly Word[], v: number, earlier: ReadonlyMap<number, Frame>): Frame | undefined {
  const direct = frameBefore(words, v);
  if (direct && direct.kind !== 'imperative') return direct;
  for (let i = v - 1; i >= Math.max(0, v - 8); i--) {
    if (!COORDINATION.has(words[i]!.word) && !words[i]!.comma) continue;
    for (let j = i - 1; j >= Math.max(0, i - 8); j--) {
      const frame = earlier.get(j) ?? (j > 0 ? frameBefore(words, j) : undefined);
      if (frame && frame.kind !== 'imperative') return frame;
    }
  }
  return direct && isImperativeForm(words[v]!) ? direct : undefined;
}

/** "Tuez-les", "brûlons", "kill them all": a form that can be an order. */
function isImperativeForm(w: Word): boolean {
  const sense = w.verb!;
  if (sense.lang === 'en') return w.word === sense.verb;
  return /(?:ez|ons|e|s)$/.test(w.word) && !/(?:ais|ait|erons|ions)$/.test(w.word);
}

/** For "des cafards qu'il faut écraser": the noun phrase the relative clause is about. */
function antecedent(words: readonly Word[], frameStart: number): Target {
  const first = words[frameStart]!;
  if (first.elided !== 'qu' && words[frameStart - 1]?.word !== 'que') return { kind: 'none', from: -1, to: -1 };
  for (let i = frameStart - 1; i >= 0; i--) {
    if (words[i]!.group) return { kind: 'group', from: i, to: i };
  }
  return nounPhraseAt(words, Math.max(0, frameStart - 3));
}

function scoreOf(strength: number, target: TargetKind): number {
  if (strength < 0.8 && (target === 'unknown' || target === 'property' || target === 'combatant')) return 0;
  return Math.min(0.98, (0.55 + 0.45 * strength) * TARGET_WEIGHT[target]);
}

/** A "die" verb: the subject is the target, and a doom, a wish or a call is the frame. */
function dieFinding(words: readonly Word[], v: number, frame: Frame | undefined): { target: Target; category: SevereCategory } | undefined {
  const next = words[v + 1]?.word;
  if ((next === 'de' || next === 'of' || next === 'from') && DIE_TO_NO_HARM.has(words[v + 2]?.word ?? '')) return undefined;
  let s = v - 1;
  while (s >= 0 && (words[s]!.word === 'tous' || words[s]!.word === 'toutes' || words[s]!.word === 'all')) s--;
  const before = words[s];
  // "que tu crèves", "qu'ils meurent tous", "you will die"
  const subjectHere = before && (SUBJECT_PRONOUN[before.word] === 'reader' || SUBJECT_PRONOUN[before.word] === 'them' || before.group);
  if (subjectHere && (before.elided === 'qu' || words[s - 1]?.word === 'que')) {
    return { target: before.group ? { kind: 'group', from: s, to: s } : { kind: SUBJECT_PRONOUN[before.word] === 'reader' ? 'reader' : 'person', from: s, to: s }, category: 'wish_of_harm' };
  }
  if (frame === undefined) return undefined;
  const subject = subjectHere ? subjectBefore(words, s + 1) : subjectBefore(words, frame.start);
  if (frame.kind === 'imperative') return { target: { kind: 'reader', from: v, to: v }, category: 'wish_of_harm' };
  const auxiliary = words.slice(frame.start, v).some((w) => DIE_FUTURE_AUX.has(w.word));
  if (subject.kind === 'reader' && (frame.kind === 'intent' || auxiliary)) return { target: subject, category: 'threat' };
  if (subject.kind === 'reader' && frame.kind === 'call') return { target: subject, category: 'wish_of_harm' };
  if (frame.kind === 'intent' && subject.kind === 'none') return undefined;
  return { target: subject, category: CATEGORY[frame.kind] };
}

/**
 * Threats, calls to violence and wishes of harm in one sentence, by structure: a violent verb
 * (any form, by stem), a frame before it (intent, call, wish, a passive call, an order), a
 * target (reader, group, person, property) and no denial.
 */
export function findViolence(sentence: Sentence): SevereFinding[] {
  const { words } = sentence;
  const findings: SevereFinding[] = [];
  const frames = new Map<number, Frame>();
  for (let v = 0; v < words.length; v++) {
    const sense = words[v]!.verb;
    if (sense === undefined) continue;
    const frame = frameOf(words, v, frames);
    if (frame) frames.set(v, frame);
    let target: Target;
    let category: SevereCategory;
    if (sense.act === 'die') {
      const found = dieFinding(words, v, frame);
      if (found === undefined) continue;
      ({ target, category } = found);
    } else {
      if (frame === undefined) continue;
      category = CATEGORY[frame.kind];
      if (frame.kind === 'passive_threat') {
        target = subjectBefore(words, frame.start);
        if (target.kind !== 'reader') continue;
      } else if (frame.kind === 'passive_call') {
        target = subjectBefore(words, frame.start);
      } else {
        target = objectOf(words, v, frame.end);
        if (target.kind === 'none') target = antecedent(words, frame.start);
      }
    }
    const score = scoreOf(sense.strength, target.kind);
    if (score === 0) continue;
    const from = Math.min(frame?.start ?? v, target.from < 0 ? v : target.from, v);
    const to = Math.max(v, target.to);
    findings.push({ category, score, from, to, verb: v, negated: frame?.negated ?? false, target: target.kind });
  }
  return findings;
}
