import { DEROGATORY_PREDICATES, HATE_FORMS, HATE_VERBS_EN, HATE_VERBS_FR, INSULT_WORDS } from '../abuse/abuse-words.js';
import { foldForm, isGroupWord, isPlaceWord } from '../identity/identity-lexicon.js';
import { IDENTITY_GROUPS } from '../identity/identity-groups.js';
import { LEXICON_EN } from '../lexicon-en.js';
import { LEXICON_FR } from '../lexicon-fr.js';
import { frenchForms } from '../severe-harm/french-paradigm.js';
import { PREDICATE_FORMS, VIOLENT_VERB_FORMS } from '../severe-harm/severe-lexicon.js';
import { CALL, INTENT, PASSIVE_CALL, WISH } from '../severe-harm/frame-words.js';
import { COMMON_WORDS } from './common-words.js';

const fold = (w: string) => foldForm(w).join(' ');
const lexiconWords = [...LEXICON_FR, ...LEXICON_EN]
  .filter((e) => e.attribute !== 'threat' && !e.term.includes(' '))
  .flatMap((e) => {
    const word = fold(e.term.replace(/\*$/, ''));
    return e.term.endsWith('*') ? [word, `${word}s`, `${word}e`, `${word}es`] : [word];
  });

/**
 * The words an obfuscated spelling is read back to: violent verbs in every form, dehumanising
 * predicates, group names, hatred, contempt and the toxicity lexicons' insults and slurs.
 */
export const SIGNAL_WORDS: ReadonlySet<string> = new Set(
  [
    ...VIOLENT_VERB_FORMS,
    ...PREDICATE_FORMS,
    ...IDENTITY_GROUPS.flatMap((g) => `${g.fr}|${g.en}`.split('|')).map(fold),
    ...HATE_VERBS_FR.flatMap((v) => frenchForms(fold(v))),
    ...HATE_VERBS_EN.flatMap((v) => [v, `${v}s`, `${v.replace(/e$/, '')}ed`, `${v.replace(/e$/, '')}ing`]),
    ...HATE_FORMS,
    ...DEROGATORY_PREDICATES,
    ...INSULT_WORDS,
    ...lexiconWords,
  ].filter((w) => w.length >= 3 && !w.includes(' ') && !COMMON_WORDS.has(w)),
);

/** The lexicons' insults of several words ("ta gueule", "fils de pute"): a glued token may spell one. */
export const SIGNAL_PHRASES: readonly string[] = [...LEXICON_FR, ...LEXICON_EN]
  .filter((e) => e.attribute !== 'profanity' && e.term.includes(' ') && !e.term.includes('*'))
  .map((e) => fold(e.term));

/** Words a glued token may be split into: the signals, everyday words and the words of frames ("faut", "vais"). */
export const SEGMENT_WORDS: ReadonlySet<string> = new Set([
  ...SIGNAL_WORDS,
  ...COMMON_WORDS,
  ...[...INTENT, ...CALL, ...PASSIVE_CALL, ...WISH].flat(),
  ...SIGNAL_PHRASES.flatMap((p) => p.split(' ')),
  'gueule', 'bouche', 'ferme', 'fermez', 'tais', 'taisez', 'crever', 'sont', 'tous', 'sale',
]);

/** Words never read as a misspelling: places, group names and everyday words are what they are. */
export const isProtectedWord = (word: string): boolean => COMMON_WORDS.has(word) || isPlaceWord(word) || isGroupWord(word);
