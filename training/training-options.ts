import { LEXICON_FEATURES } from '../workers/scoring/model/lexicon-features.js';
import type { TrainOptions } from './train-logistic.js';

const lexiconIndex = (names: readonly string[]) => names.map((n) => LEXICON_FEATURES.indexOf(n as (typeof LEXICON_FEATURES)[number]));
// evidence of abuse or spam may only raise a score (monotone), so a source where it is rare cannot teach it backwards
const TOXIC_EVIDENCE = lexiconIndex([
  'insult', 'threat', 'identity_attack', 'profanity', 'lexicon_toxicity', 'list_naughty_en', 'list_naughty_fr',
  'list_french_badwords', 'list_2toad_fr', 'insult_frame', 'second_person_insult', 'dehumanisation', 'group_insult',
]);
const SPAM_EVIDENCE = lexiconIndex(['links', 'phone', 'email', 'spam_phrases', 'money', 'self_promotion', 'digits']);

/**
 * How the shipped toxicity models are trained (npm run train, npm run learning-eval). Stronger L2
 * and log-count-ratio scaling were chosen on leave-one-source-out AUC: 0.782 → 0.792 mean with 2–4-grams.
 */
export const TOXICITY_OPTIONS: TrainOptions = {
  epochs: 4, learningRate: 0.2, l2: 3e-3, logCountRatio: 0.5, nonNegative: TOXIC_EVIDENCE,
};

// the form of a comment (length, capitals, links, digits) says which source it came from, not which part of toxicity it is:
// RTP-LX threats are long continuations, Jigsaw's are short, and a part model that reads length learns it backwards
const FORM = lexiconIndex(['capitals', 'shouting', 'length', 'links', 'phone', 'email', 'spam_phrases', 'money', 'self_promotion', 'digits']);

/** The parts of toxicity (insult, threat, identity_attack, profanity): the same trainer, two epochs (fewer positives), no form features. */
export const SUB_ATTRIBUTE_OPTIONS: TrainOptions = { ...TOXICITY_OPTIONS, epochs: 2, unused: FORM };

/** How the shipped spam model is trained: spam signals start at weight 1 (prior knowledge), since YouTube comments rarely hold phone numbers or amounts and SMS and news spam do. */
export const SPAM_OPTIONS: TrainOptions = {
  epochs: 4, learningRate: 0.2, l2: 1e-3, nonNegative: SPAM_EVIDENCE, initialLexicon: Object.fromEntries(SPAM_EVIDENCE.map((k) => [k, 1])),
};

/**
 * Threat reads the mean of its n-gram weights, not a unit-length sum: RTP-LX threats are long
 * continuations and Jigsaw's short, and a length-dependent score ranked them backwards across
 * sources (LOSO on rtplx-fr 0.52 → 0.76 in development).
 */
export const THREAT_OPTIONS: TrainOptions = { ...SUB_ATTRIBUTE_OPTIONS, lengthInvariant: true };
