import { foldForm } from '../identity/identity-lexicon.js';
import type { VerbSense } from './severe-lexicon.js';
import { stemKey } from './stems.js';

/**
 * Violence said with an everyday verb and a fixed complement: "faire la peau", "trancher la
 * gorge", "wipe out", "beat to death". The head verb is read by stem or listed forms, the
 * complement must follow within a few words (a target may stand between: "wipe them out").
 */
interface Phrase {
  /** Folded forms of the head verb, or its infinitive to match by stem. */
  head: readonly string[];
  byStem: boolean;
  /** Complements, any one of which completes the phrase. */
  tails: readonly (readonly string[])[];
  sense: VerbSense;
}

const phrase = (head: string, tails: string, sense: Omit<VerbSense, 'lang'> & { lang: 'fr' | 'en' }, byStem = true): Phrase => ({
  head: head.split('|').map((h) => foldForm(h).join(' ')),
  byStem,
  tails: tails.split('|').map(foldForm),
  sense,
});

const FAIRE = 'faire|fais|fait|faisons|faites|font|ferai|feras|fera|ferons|ferez|feront|ferais|ferait|feraient|fasse|fassent';
const METTRE = 'mettre|mets|met|mettons|mettez|mettent|mettrai|mettra|mettrons|mettront|mettrait|mette|mettent|mis';

const PHRASES: readonly Phrase[] = [
  phrase(FAIRE, 'la peau', { verb: 'faire la peau', act: 'kill', strength: 1, lang: 'fr' }, false),
  phrase(FAIRE, 'sauter la cervelle|exploser la tete|exploser la cervelle', { verb: 'faire sauter la cervelle', act: 'kill', strength: 0.9, lang: 'fr' }, false),
  phrase(METTRE, 'une balle|une balle dans la tete|le feu', { verb: 'mettre une balle', act: 'kill', strength: 0.9, lang: 'fr' }, false),
  phrase('trancher|couper|ouvrir|égorger', 'la gorge|la tete|les tetes|le cou|la gorge a', { verb: 'trancher la gorge', act: 'kill', strength: 1, lang: 'fr' }),
  phrase('casser|péter|éclater|fracasser|exploser', 'la gueule|la tete|le crane|les jambes|les dents', { verb: 'casser la gueule', act: 'hurt', strength: 0.8, lang: 'fr' }),
  phrase('régler', 'son compte|leur compte|ton compte|vos comptes', { verb: 'régler son compte', act: 'hurt', strength: 0.8, lang: 'fr' }),
  phrase('rayer', 'de la carte|de la surface', { verb: 'rayer de la carte', act: 'kill', strength: 0.9, lang: 'fr' }),
  phrase('battre|frapper|tabasser', 'a mort', { verb: 'battre à mort', act: 'kill', strength: 1, lang: 'fr' }),
  phrase('brûler|enterrer', 'vif|vifs|vive|vives|vivant|vivants', { verb: 'brûler vif', act: 'kill', strength: 1, lang: 'fr' }),
  phrase('tirer', 'dessus|une balle|a vue', { verb: 'tirer dessus', act: 'kill', strength: 0.85, lang: 'fr' }),
  phrase('wipe', 'out', { verb: 'wipe out', act: 'kill', strength: 1, lang: 'en' }),
  phrase('beat|beaten|stab|kick|stone|burn', 'to death', { verb: 'beat to death', act: 'kill', strength: 1, lang: 'en' }),
  phrase('burn|bury', 'alive', { verb: 'burn alive', act: 'kill', strength: 1, lang: 'en' }),
  phrase('slit|cut|slice', 'throat|throats|head|heads|neck|necks', { verb: 'slit the throat', act: 'kill', strength: 1, lang: 'en' }),
  phrase('put', 'a bullet|bullets|a bullet in', { verb: 'put a bullet', act: 'kill', strength: 1, lang: 'en' }),
  phrase('blow', 'brains out|heads off|up', { verb: 'blow up', act: 'kill', strength: 0.85, lang: 'en' }),
  phrase('string', 'up', { verb: 'string up', act: 'kill', strength: 0.9, lang: 'en' }),
  phrase('break|smash|bash', 'skull|skulls|face|faces|legs|neck|necks|head|heads', { verb: 'smash the skull', act: 'hurt', strength: 0.8, lang: 'en' }),
  phrase('get', 'rid of', { verb: 'get rid of', act: 'kill', strength: 0.6, lang: 'en' }),
];

const WITHIN = 4;

// phrases by head: a listed form, or the stem key of the head's language, so a word costs two lookups
const BY_HEAD = new Map<string, Phrase[]>();
for (const p of PHRASES) {
  const keys = p.byStem ? p.head.map((h) => `${p.sense.lang}:${stemKey(h, p.sense.lang)}`) : p.head.map((h) => `=${h}`);
  for (const key of new Set(keys)) BY_HEAD.set(key, [...(BY_HEAD.get(key) ?? []), p]);
}
const NO_PHRASES: Phrase[] = [];
function headsOf(word: string): Phrase[] {
  const exact = BY_HEAD.get(`=${word}`);
  const fr = BY_HEAD.get(`fr:${stemKey(word, 'fr')}`);
  const en = BY_HEAD.get(`en:${stemKey(word, 'en')}`);
  if (exact === undefined && fr === undefined && en === undefined) return NO_PHRASES;
  return [...(exact ?? []), ...(fr ?? []), ...(en ?? [])];
}

/**
 * The violent phrase whose head is `words[at]`, and the index of its complement's last word.
 * @example phraseAt(['je', 'vais', 'te', 'faire', 'la', 'peau'], 3)?.sense.verb // 'faire la peau'
 */
export function phraseAt(words: readonly string[], at: number): { sense: VerbSense; last: number } | undefined {
  for (const p of headsOf(words[at]!)) {
    for (let start = at + 1; start <= at + WITHIN && start < words.length; start++) {
      const tail = p.tails.find((t) => t.every((w, k) => words[start + k] === w));
      if (tail) return { sense: p.sense, last: start + tail.length - 1 };
    }
  }
  return undefined;
}
