import { NEGATIONS } from './frame-words.js';
import type { Sentence } from './read-sentences.js';
import type { SevereFinding } from './severe-finding.js';

/**
 * Threats said as set phrases, where no violent verb carries the harm: "tes jours sont
 * comptés", "on sait où tu habites", "you're a dead man". Few, because the structure rules read
 * the rest; denial, quotation and counter-speech apply to them as to any finding.
 */
const IDIOMS: ReadonlyArray<readonly [phrase: string, score: number]> = [
  ['tes jours sont comptes', 0.9], ['vos jours sont comptes', 0.9], ['ses jours sont comptes', 0.85],
  ['your days are numbered', 0.9], ['his days are numbered', 0.85], ['their days are numbered', 0.85],
  ['sait ou tu habites', 0.9], ['sais ou tu habites', 0.9], ['sait ou tu vis', 0.9], ['sais ou tu vis', 0.9],
  ['sait ou vous habitez', 0.9], ['sait ou habite ta famille', 0.9], ['connait ta famille', 0.8], ['connais ta famille', 0.8],
  ['know where you live', 0.9], ['knows where you live', 0.9], ['know where your family lives', 0.9],
  ['es un homme mort', 0.9], ['es une femme morte', 0.9], ['tu es mort', 0.85], ['es deja mort', 0.85],
  ['vous etes morts', 0.85], ['vous etes des hommes morts', 0.9], ['youre dead', 0.85], ['you are dead', 0.85],
  ['youre a dead man', 0.9], ['you are a dead man', 0.9], ['youre dead meat', 0.9], ['dead man walking', 0.8],
  ['tu ne perds rien pour attendre', 0.7], ['tu vas le payer', 0.6], ['tu vas payer', 0.6], ['vous allez payer', 0.6],
  ['you will pay for this', 0.6], ['watch your back', 0.6], ['kys', 0.9], ['suicide toi', 0.9], ['suicidez vous', 0.9],
  ['on aura ta peau', 0.9], ['on aura votre peau', 0.9], ['ta tete sera coupee', 0.95], ['une balle dans la tete', 0.85],
  ['a bullet in your head', 0.9], ['bullet between your eyes', 0.9],
].map(([p, s]) => [p as string, s as number] as const);
// idioms by first word: a sentence's word costs one lookup
const BY_FIRST = new Map<string, Array<{ words: string[]; score: number }>>();
for (const [phrase, score] of IDIOMS) {
  const words = phrase.split(' ');
  BY_FIRST.set(words[0]!, [...(BY_FIRST.get(words[0]!) ?? []), { words, score }]);
}

/** Set-phrase threats in one sentence. */
export function findDoomIdioms(sentence: Sentence): SevereFinding[] {
  const { words } = sentence;
  const findings: SevereFinding[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const { words: seq, score } of BY_FIRST.get(words[i]!.word) ?? []) {
      if (!seq.every((s, k) => words[i + k]?.word === s)) continue;
      // "t'es mort" reads "es mort": the elided "t'" is the reader
      const to = i + seq.length - 1;
      const negated = words.slice(Math.max(0, i - 3), to + 1).some((w) => NEGATIONS.has(w.word) && !seq.includes(w.word));
      findings.push({ category: 'threat', score, from: i, to, verb: i, negated, target: 'reader' });
    }
    if (words[i]!.word === 'es' && words[i]!.elided === 't' && words[i + 1]?.word === 'mort') {
      findings.push({ category: 'threat', score: 0.85, from: i, to: i + 1, verb: i, negated: false, target: 'reader' });
    }
  }
  return findings;
}

const DEATH_TO = [['a', 'mort'], ['mort', 'aux'], ['mort', 'au'], ['mort', 'a'], ['death', 'to'], ['la', 'mort', 'pour']];
const DEATH_FIRST = new Set(DEATH_TO.map((s) => s[0]!));
// "condamné à mort", "la peine de mort", "mise à mort", "battu à mort": justice or news, not a call
const NOT_A_CALL = new Set(['condamne', 'condamnes', 'condamnee', 'condamnees', 'peine', 'mise', 'mis', 'battu', 'battus', 'frappe', 'sentenced', 'penalty', 'condemned', 'beaten', 'stoned']);
const TARGET_SCORE = { reader: 0.95, group: 0.95, person: 0.9, combatant: 0.6, property: 0.6, unknown: 0.75, none: 0.6 } as const;

/** "À mort les Touaregs !", "mort aux juifs", "death to the traitors": a call to kill, whatever the verb. */
export function findDeathTo(sentence: Sentence, targetAt: (at: number) => { kind: keyof typeof TARGET_SCORE; to: number }): SevereFinding[] {
  const { words } = sentence;
  const findings: SevereFinding[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!DEATH_FIRST.has(words[i]!.word)) continue;
    const seq = DEATH_TO.find((s) => s.every((w, k) => words[i + k]?.word === w));
    if (seq === undefined || NOT_A_CALL.has(words[i - 1]?.word ?? '')) continue;
    const after = i + seq.length;
    // "mort aux" / "death to" take their target after; "à mort" may stand alone: "à mort !"
    const target = after < words.length ? targetAt(after) : { kind: 'none' as const, to: after - 1 };
    if (target.kind === 'none' && seq[0] !== 'a') continue;
    const negated = words.slice(Math.max(0, i - 3), i).some((w) => NEGATIONS.has(w.word));
    findings.push({ category: 'incitement', score: TARGET_SCORE[target.kind], from: i, to: Math.max(after - 1, target.to), verb: i, negated, target: target.kind });
  }
  return findings;
}
