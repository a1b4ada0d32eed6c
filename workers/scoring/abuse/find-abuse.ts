import type { Sentence, Word } from '../severe-harm/read-sentences.js';
import { NEGATIONS } from '../severe-harm/frame-words.js';
import { stemKey } from '../severe-harm/stems.js';
import {
  DEROGATION_FILLERS, DEROGATORY_PREDICATES, HATE_FORMS, HATE_VERBS_EN, HATE_VERBS_FR, INSULT_WORDS, SECOND_PERSON, SHUT_UP,
  VOCATIVE_OPENERS,
} from './abuse-words.js';

/** What kind of abuse, as a reason code. */
export type AbuseKind = 'group_derogation' | 'reader_insult';

/** One abusive statement, with the sentence-local words it spans. */
export interface AbuseFinding {
  kind: AbuseKind;
  score: number;
  from: number;
  to: number;
}

const SHUT_UP_BY_FIRST = new Map<string, string[][]>();
for (const seq of SHUT_UP) SHUT_UP_BY_FIRST.set(seq[0]!, [...(SHUT_UP_BY_FIRST.get(seq[0]!) ?? []), seq]);
const DEROGATION = 0.7;
const INSULT = 0.65;
const RUDE = 0.55;
const COPULAS = new Set(['sont', 'est', 'are', 'is', 'were', 'r', 'etaient', 'restent']);
const FIRST_PERSON = new Set(['je', 'j', 'i', 'we', 'nous', 'on', 'moi']);
const HATE_KEYS = new Set([...HATE_VERBS_FR.map((v) => `fr:${stemKey(v.normalize('NFD').replace(/\p{M}/gu, ''), 'fr')}`), ...HATE_VERBS_EN.map((v) => `en:${stemKey(v, 'en')}`)]);
const TRUST = new Set(['confiance', 'trust', 'fier', 'fiez']);
const DISTRUST_AFTER = new Set(['a', 'au', 'aux', 'un', 'une', 'les', 'des', 'any', 'a', 'an', 'the', 'single']);
const DENY_RIGHTS = /^(?:droit|droits|vote|voter|rights|allowed|marier|marry)$/;
const LESSER = new Set(['moins', 'less']);
// "quelle honte !" is an exclamation, "tu es une honte" an insult
const EXCLAMATIONS = new Set(['honte', 'joke', 'waste']);
const RANKED = new Set(['intelligent', 'intelligents', 'intelligente', 'intelligentes', 'civilises', 'civilisees', 'evolues', 'humains', 'smart', 'intelligent', 'civilised', 'civilized', 'evolved', 'human']);

const isHateVerb = (w: string) =>
  HATE_FORMS.has(w) || HATE_KEYS.has(`fr:${stemKey(w, 'fr')}`) || HATE_KEYS.has(`en:${stemKey(w, 'en')}`);
const denied = (words: readonly Word[], from: number, to: number) => words.slice(Math.max(0, from), to).some((w) => NEGATIONS.has(w.word));

/** "Je déteste les Peuls", "I hate women", "je ne supporte pas les X", "I can't stand X". */
function hatred(words: readonly Word[]): AbuseFinding[] {
  const found: AbuseFinding[] = [];
  for (let v = 0; v < words.length; v++) {
    const w = words[v]!.word;
    const cantStand = (w === 'supporte' || w === 'stand' || w === 'horreur') && words.slice(Math.max(0, v - 3), v + 2).some((x) => ['pas', 'cant', 'cannot', 'ai'].includes(x.word));
    if (!isHateVerb(w) && !cantStand) continue;
    const subject = words.slice(Math.max(0, v - 3), v).some((x) => FIRST_PERSON.has(x.word) || x.elided === 'j') || v === 0;
    if (!subject || (!cantStand && denied(words, v - 3, v))) continue;
    for (let g = v + 1; g <= v + 5 && g < words.length; g++) {
      if (words[g]!.group) found.push({ kind: 'group_derogation', score: DEROGATION, from: Math.max(0, v - 2), to: g });
      if (words[g]!.group) break;
    }
  }
  return found;
}

/** "Les Touaregs sont tous des voleurs", "Muslims are all terrorists", "Women are inferior". */
function generalisation(words: readonly Word[]): AbuseFinding[] {
  const found: AbuseFinding[] = [];
  for (let q = 0; q < words.length; q++) {
    // "moins intelligents", "less civilised": a comparison that ranks a people below others
    const lesser = LESSER.has(words[q - 1]?.word ?? '') && RANKED.has(words[q]!.word);
    if (!DEROGATORY_PREDICATES.has(words[q]!.word) && !lesser) continue;
    let i = q - 1;
    let negated = false;
    // step back over fillers and negations; the step is its own statement: inside `negated ||= …` it was
    // skipped once a negation had been seen, and "sont vraiment pas des voleurs" looped for ever
    while (i >= 0 && (DEROGATION_FILLERS.has(words[i]!.word) || NEGATIONS.has(words[i]!.word))) {
      if (NEGATIONS.has(words[i]!.word)) negated = true;
      i--;
    }
    if (i < 0 || !COPULAS.has(words[i]!.word) || negated) continue;
    const group = words[i - 1]?.group ?? words[i - 2]?.group;
    if (group === undefined) continue;
    found.push({ kind: 'group_derogation', score: DEROGATION, from: Math.max(0, i - 2), to: q });
  }
  return found;
}

/** "On ne peut pas faire confiance à un Peul", "never trust a Fulani", "Women should not be allowed to vote". */
function distrustAndDenial(words: readonly Word[]): AbuseFinding[] {
  const found: AbuseFinding[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (TRUST.has(w.word) && denied(words, i - 4, i)) {
      for (let g = i + 1; g <= i + 3 && g < words.length; g++) {
        if (words[g]!.group && (g === i + 1 || DISTRUST_AFTER.has(words[g - 1]!.word))) found.push({ kind: 'group_derogation', score: DEROGATION, from: Math.max(0, i - 4), to: g });
      }
    }
    if (DENY_RIGHTS.test(w.word) && denied(words, i - 5, i) && words.slice(Math.max(0, i - 8), i).some((x) => x.group)) {
      found.push({ kind: 'group_derogation', score: DEROGATION, from: Math.max(0, i - 6), to: i });
    }
  }
  return found;
}

/** "Espèce d'ignorant", "pauvre type", "tu es un idiot", "you moron", "ferme-la". */
function readerInsults(words: readonly Word[]): AbuseFinding[] {
  const found: AbuseFinding[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const insult = INSULT_WORDS.has(w.word) || (w.word === 'type' && words[i - 1]?.word === 'pauvre');
    if (insult) {
      // "espèce d'ignorant", "pauvre idiot", "you moron", "quel crétin"
      // one insulting adjective may stand between: "what an ignorant fool", "espèce de sombre idiot"
      const k = INSULT_WORDS.has(words[i - 1]?.word ?? '') ? i - 1 : i;
      const opener = words[k - 1];
      const vocative =
        (opener && !EXCLAMATIONS.has(w.word) && (VOCATIVE_OPENERS.has(opener.word) || (opener.word === 'de' && words[k - 2]?.word === 'espece') || (words[k]!.elided === 'd' && opener.word === 'espece'))) ||
        (['an', 'a'].includes(opener?.word ?? '') && words[k - 2]?.word === 'what') ||
        // "… fool you are"
        (words[i + 1]?.word === 'you' && words[i + 2]?.word === 'are');
      // "tu es un idiot", "t'es qu'un guignol", "you are a complete moron"
      let j = i - 1;
      while (j >= 0 && i - j <= 5 && !SECOND_PERSON.has(words[j]!.word) && !(words[j]!.word === 'es' && words[j]!.elided === 't')) j--;
      const addressed = j >= 0 && i - j <= 5 && !denied(words, j, i);
      if (vocative || addressed) found.push({ kind: 'reader_insult', score: INSULT, from: vocative ? i - 1 : j, to: i });
    }
    for (const seq of SHUT_UP_BY_FIRST.get(w.word) ?? []) {
      if (seq.every((s, k) => words[i + k]?.word === s)) found.push({ kind: 'reader_insult', score: RUDE, from: i, to: i + seq.length - 1 });
    }
  }
  return found;
}

/** Derogation of a group without a swear word, and insults to the reader, in one sentence. */
export function findAbuse(sentence: Sentence): AbuseFinding[] {
  const { words } = sentence;
  return [...hatred(words), ...generalisation(words), ...distrustAndDenial(words), ...readerInsults(words)];
}
