import type { Attribute } from '../../../protocol/attribute.js';
import { findDehumanisation } from '../dehumanisation.js';
import type { LexiconEntry } from '../lexicon-entry.js';
import { LEXICON_EN } from '../lexicon-en.js';
import { LEXICON_FR } from '../lexicon-fr.js';
import { SPAM_LEXICON } from '../spam-lexicon.js';
import { findSpamSignals } from '../spam-signals.js';
import { saturate } from '../saturate.js';
import type { CommentLanguage } from '../../../protocol/language.js';
import { toRawSpan, type NormalizedText } from '../../text/normalize.js';
import { isIdentityTerm } from './identity-terms.js';
import { phraseIndex, tokenKeys } from './phrase-index.js';
import { EXTRA_SPAM_PHRASES } from './spam-phrases-extra.js';
import { EXTRA_THREATS } from './threat-patterns.js';
import { WORD_LISTS } from './word-lists.js';

/** Names of the dense lexicon features, in order; the model files store weights in this order. */
export const LEXICON_FEATURES = [
  'insult', 'threat', 'identity_attack', 'profanity', 'lexicon_toxicity', 'insult_count',
  'list_naughty_en', 'list_naughty_fr', 'list_french_badwords', 'list_2toad_fr', 'list_any',
  'insult_frame', 'second_person', 'second_person_insult', 'dehumanisation', 'group_insult', 'capitals', 'shouting', 'length',
  'links', 'phone', 'email', 'spam_phrases', 'money', 'self_promotion', 'digits',
] as const;
export type LexiconFeature = (typeof LEXICON_FEATURES)[number];
export const LEXICON_FEATURE_COUNT = LEXICON_FEATURES.length;
const F = Object.fromEntries(LEXICON_FEATURES.map((name, i) => [name, i])) as Record<LexiconFeature, number>;

/** A lexicon match in the raw text, the dense feature it raised and the attribute it speaks for. */
export interface LexiconHit {
  start: number;
  end: number;
  feature: number;
  attribute: Attribute;
  /** Strength of the match, 0..1 (the lexicon weight, 1 for a word-list hit). */
  weight: number;
  label?: string;
}

export interface LexiconFeatures {
  values: Float32Array;
  hits: LexiconHit[];
}

// one regex pass for every multi-word list: extra threats, extra spam phrases, then word-list phrases
const EXTRA_TERMS = [...EXTRA_THREATS, ...EXTRA_SPAM_PHRASES];
// the grammar of an insult, whatever word follows: "sale …", "espèce de …", "you stupid …" (exact words: "salle" is not "sale")
const INSULT_FRAMES = new RegExp(
  '(?<![^ ])(?:sales? [^ ]+|espece (?:de )?[^ ]+|bande (?:de )?[^ ]+|pauvre cons?|tete de [^ ]+|fils de [^ ]+|' +
    'ferme ta [^ ]+|ta gueule|va te faire [^ ]+|you (?:stupid|fucking|dumb) [^ ]+|(?:youre|you are|ur) an? [^ ]+|' +
    'such an? [^ ]+|shut up|go to hell|va au diable|degage|casse toi|cassez vous)(?![^ ])',
  'g',
);
// word-list phrase i (after the extra terms) belongs to list PHRASE_LIST[i]
const PHRASE_LIST = WORD_LISTS.flatMap((list, l) => list.phrases.map(() => l));
const phrases = phraseIndex([...EXTRA_TERMS.map((e) => e.term), ...WORD_LISTS.flatMap((list) => list.phrases)]);
const LIST_FEATURES = [F.list_naughty_en, F.list_naughty_fr, F.list_french_badwords, F.list_2toad_fr];
const LIST_FEATURE_SET = new Set(LIST_FEATURES);
/** Whether a hit comes from an npm word list (weight 1 means "listed", not a severity). */
export const isWordListHit = (hit: LexiconHit): boolean => LIST_FEATURE_SET.has(hit.feature);
// swear lists speak for profanity; French insult lists for insult
const LIST_ATTRIBUTES: Attribute[] = ['profanity', 'profanity', 'insult', 'insult'];
const SECOND_PERSON = new Set([
  'tu', 'te', 'toi', 'ton', 'ta', 'tes', 'vous', 'votre', 'vos', 'es', 'you', 'your', 'youre', 'u', 'ur', 'yourself',
]);
// amounts are read on the raw text (symbols), money and promotion words on the folded tokens (one Set lookup each)
const AMOUNT = /[$€£]\s?\d|\d\s?(?:[$€£]|k\b|[Ff] ?[Cc][Ff][Aa]|CFA|cfa|[Ee]uros?|[Dd]ollars?|USD|usd|bucks)/g;
const MONEY_WORDS = new Set([
  'gagne', 'gagner', 'gagnez', 'earn', 'win', 'cash', 'prize', 'free', 'gratuit', 'gratuite', 'offre', 'offer', 'prix',
  'riche', 'riches', 'rich', 'money', 'argent', 'fcfa', 'cfa', 'euros', 'dollars', 'usd', 'bucks',
]);
const PROMOTION_WORDS = new Set([
  'subscribe', 'subscribed', 'abonne', 'abonner', 'abonnez', 'channel', 'chaine', 'visit', 'visitez', 'click', 'cliquez',
  'share', 'partagez', 'follow', 'suivez', 'promo',
]);
const PROMOTION_PAIRS = new Set([
  'check out', 'check my', 'my channel', 'my video', 'my page', 'my music', 'follow me', 'like this', 'ma chaine',
  'ma video', 'ma page', 'suivez moi', 'abonnez vous', 'watch my', 'regardez ma',
]);
// the scoring lexicons, indexed per language like lexicon-scorer.ts filters them (`notIn`)
const TOXIC_LEXICON = [...LEXICON_FR, ...LEXICON_EN];
function indexFor(entries: readonly LexiconEntry[]) {
  const byLang = new Map<CommentLanguage, { entries: LexiconEntry[]; index: ReturnType<typeof phraseIndex> }>();
  return (lang: CommentLanguage) => {
    let known = byLang.get(lang);
    if (known === undefined) {
      const kept = entries.filter((e) => !e.notIn?.includes(lang));
      known = { entries: kept, index: phraseIndex(kept.map((e) => e.term)) };
      byLang.set(lang, known);
    }
    return known;
  };
}
const toxicLexicon = indexFor(TOXIC_LEXICON);
const spamLexicon = indexFor(SPAM_LEXICON);
// as lexicon-scorer.ts: swearing counts for a little over half toward toxicity
const TOXICITY_SHARE = { insult: 1, threat: 1, identity_attack: 1, profanity: 0.6 } as const;

// every per-word lookup folded into one Map: which sets a word belongs to, as bits
const SECOND = 1;
const GROUP = 2;
const MONEY = 4;
const PROMOTION = 8;
const LIST_FLAG = 16; // list l is bit LIST_FLAG << l
const WORD_FLAGS = new Map<string, number>();
const flag = (words: Iterable<string>, bit: number) => {
  for (const w of words) WORD_FLAGS.set(w, (WORD_FLAGS.get(w) ?? 0) | bit);
};
flag(SECOND_PERSON, SECOND);
flag(MONEY_WORDS, MONEY);
flag(PROMOTION_WORDS, PROMOTION);
WORD_LISTS.forEach((list, l) => flag(list.words, LIST_FLAG << l));
const PAIR_FIRSTS = new Set([...PROMOTION_PAIRS].map((p) => p.split(' ')[0]!));
/** `isIdentityTerm` with a cache: group names are few, the words of comments repeat. */
const identityCache = new Map<string, boolean>();
function isGroup(word: string): boolean {
  let known = identityCache.get(word);
  if (known === undefined) {
    known = isIdentityTerm(word);
    if (identityCache.size < 50_000) identityCache.set(word, known);
  }
  return known;
}

const ATTRIBUTE_FEATURE = { insult: F.insult, threat: F.threat, identity_attack: F.identity_attack, profanity: F.profanity } as const;

const log1p = Math.log1p;

/**
 * Dense lexicon and spam-signal features of a comment, reusing the scoring lexicons
 * (LEXICON_FR/EN, dehumanisation, spam phrases and signals) plus npm word lists and extra threats.
 * @example lexiconFeatures(normalizeForMatching('Espèce de connard'), 'fr').values[0] // 0.85 (insult)
 */
export function lexiconFeatures(text: NormalizedText, lang: CommentLanguage): LexiconFeatures {
  const values = new Float32Array(LEXICON_FEATURE_COUNT);
  const hits: LexiconHit[] = [];
  const toxicSpans: Array<{ start: number; end: number; attribute: Attribute; weight: number }> = [];
  const keys = tokenKeys(text);
  const { entries: toxicEntries, index: toxicIndex } = toxicLexicon(lang);
  for (const m of toxicIndex.match(text, keys)) {
    const entry = toxicEntries[m.term]!;
    toxicSpans.push({ ...toRawSpan(text, m.start, m.end), attribute: entry.attribute, weight: entry.weight });
  }
  toxicSpans.push(...findDehumanisation(text));
  const byAttribute: Record<'insult' | 'threat' | 'identity_attack' | 'profanity', number[]> = {
    insult: [], threat: [], identity_attack: [], profanity: [],
  };
  for (const span of toxicSpans) {
    const attribute = span.attribute as keyof typeof byAttribute;
    if (byAttribute[attribute] === undefined) continue;
    byAttribute[attribute].push(span.weight);
    hits.push({ start: span.start, end: span.end, feature: ATTRIBUTE_FEATURE[attribute], attribute, weight: span.weight });
    if (attribute === 'identity_attack' && span.end - span.start > 20) values[F.dehumanisation] = 1;
  }
  const phraseMatches = phrases.match(text, keys);
  const extraSpam: number[] = [];
  for (const m of phraseMatches) {
    const entry = EXTRA_TERMS[m.term];
    if (entry === undefined) continue;
    const span = toRawSpan(text, m.start, m.end);
    if (entry.attribute === 'threat') {
      byAttribute.threat.push(entry.weight);
      hits.push({ start: span.start, end: span.end, feature: F.threat, attribute: 'threat', weight: entry.weight });
    } else {
      extraSpam.push(entry.weight);
      hits.push({ start: span.start, end: span.end, feature: F.spam_phrases, attribute: 'spam', weight: entry.weight });
    }
  }
  for (const [attribute, weights] of Object.entries(byAttribute)) {
    values[ATTRIBUTE_FEATURE[attribute as keyof typeof byAttribute]] = saturate(weights);
  }
  values[F.lexicon_toxicity] = saturate(
    (Object.keys(TOXICITY_SHARE) as Array<keyof typeof TOXICITY_SHARE>).map((a) => values[ATTRIBUTE_FEATURE[a]]! * TOXICITY_SHARE[a]),
  );
  values[F.insult_count] = log1p(byAttribute.insult.length);

  values[F.insult_frame] = log1p(text.text.match(INSULT_FRAMES)?.length ?? 0);
  let listHits = 0;
  let secondPerson = false;
  let group = false;
  const tokens = text.tokens;
  let money = 0;
  let promotion = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    const flags = (WORD_FLAGS.get(token.word) ?? 0) | (isGroup(token.word) ? GROUP : 0);
    const pair = t > 0 && (PAIR_FIRSTS.has(tokens[t - 1]!.word) && PROMOTION_PAIRS.has(`${tokens[t - 1]!.word} ${token.word}`));
    if (flags === 0 && !pair) continue;
    if (flags & SECOND) secondPerson = true;
    if (flags & GROUP) group = true;
    if (flags & MONEY) {
      money++;
      hits.push({ start: token.rawStart, end: token.rawEnd, feature: F.money, attribute: 'spam', weight: 0.3, label: 'money' });
    }
    if (flags & PROMOTION || pair) {
      promotion++;
      hits.push({ start: token.rawStart, end: token.rawEnd, feature: F.self_promotion, attribute: 'spam', weight: 0.3, label: 'self-promotion' });
    }
    for (let l = 0; l < WORD_LISTS.length; l++) {
      if (!(flags & (LIST_FLAG << l))) continue;
      values[LIST_FEATURES[l]!]! += 1;
      listHits++;
      hits.push({ start: token.rawStart, end: token.rawEnd, feature: LIST_FEATURES[l]!, attribute: LIST_ATTRIBUTES[l]!, weight: 1 });
    }
  }
  for (const m of phraseMatches) {
    if (m.term < EXTRA_TERMS.length) continue;
    const l = PHRASE_LIST[m.term - EXTRA_TERMS.length]!;
    values[LIST_FEATURES[l]!]! += 1;
    listHits++;
    hits.push({ ...toRawSpan(text, m.start, m.end), feature: LIST_FEATURES[l]!, attribute: LIST_ATTRIBUTES[l]!, weight: 1 });
  }
  for (const f of LIST_FEATURES) values[f] = log1p(values[f]!);
  values[F.list_any] = listHits > 0 ? 1 : 0;
  const offensive = values[F.insult]! > 0 || listHits > 0;
  values[F.second_person] = secondPerson ? 1 : 0;
  values[F.second_person_insult] = secondPerson && offensive ? 1 : 0;
  values[F.group_insult] = group && offensive ? 1 : 0;

  const raw = text.raw;
  const { entries: spamEntries, index: spamIndex } = spamLexicon(lang);
  const spamSpans = findSpamSignals(raw);
  for (const m of spamIndex.match(text, keys)) spamSpans.push({ ...toRawSpan(text, m.start, m.end), attribute: 'spam', weight: spamEntries[m.term]!.weight });
  const spamPhrases: number[] = [];
  for (const span of spamSpans) {
    const feature =
      span.label === 'link' ? F.links
      : span.label === 'phone number' ? F.phone
      : span.label === 'e-mail address' ? F.email
      : span.label === 'repeated punctuation' ? F.shouting
      : span.label === 'mostly capitals' ? F.capitals
      : F.spam_phrases;
    if (feature === F.spam_phrases) spamPhrases.push(span.weight);
    else if (feature !== F.capitals) values[feature]! += 1;
    hits.push({ start: span.start, end: span.end, feature, attribute: 'spam', weight: span.weight, ...(span.label ? { label: span.label } : {}) });
  }
  spamPhrases.push(...extraSpam);
  for (const f of [F.links, F.phone, F.email, F.shouting]) values[f] = log1p(values[f]!);
  values[F.spam_phrases] = saturate(spamPhrases);
  let letters = 0;
  let upper = 0;
  let digits = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c >= 65 && c <= 90) { upper++; letters++; }
    else if ((c >= 97 && c <= 122) || c >= 0xc0) letters++;
  }
  values[F.capitals] = letters >= 10 ? upper / letters : 0;
  values[F.digits] = raw.length > 0 ? Math.min(1, (4 * digits) / raw.length) : 0;
  values[F.length] = log1p(tokens.length) / 5;
  if (digits > 0) {
    for (const m of raw.matchAll(AMOUNT)) {
      money++;
      hits.push({ start: m.index, end: m.index + m[0].length, feature: F.money, attribute: 'spam', weight: 0.3, label: 'money' });
    }
  }
  values[F.money] = log1p(money);
  values[F.self_promotion] = log1p(promotion);
  return { values, hits };
}
