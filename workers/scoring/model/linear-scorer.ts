import type { Attribute, Scores } from '../../../protocol/attribute.js';
import { saturate } from '../saturate.js';
import type { ScoredSpan, TextScore, TextScorer } from '../scorer.js';
import type { CommentLanguage } from '../../../protocol/language.js';
import type { NormalizedText } from '../../text/normalize.js';
import { severeHarmOf } from '../severe-harm/severe-harm-of.js';
import { isUntargetedSwearing, UNTARGETED_SWEARING_CAP } from '../untargeted-swearing.js';
import { HASH_SIZE } from './feature-hash.js';
import { sameFeatureSet, type FeatureSet } from './feature-set.js';
import { MODEL_VERSIONS, readModelFile } from './model-file.js';
import { hashedFeatures, type SparseFeatures } from './hashed-features.js';
import { isWordListHit, LEXICON_FEATURE_COUNT, lexiconFeatures, type LexiconFeatures } from './lexicon-features.js';
import { sigmoid, type StoredLinearModel } from './linear-model.js';

/** An attribute explains itself only from the default hold threshold up: below it there is nothing to show. */
const SPAN_MIN_SCORE = 0.5;
const SPANS_PER_ATTRIBUTE = 5;
/** Share of the positive evidence a span must carry to be shown. */
const SPAN_MIN_SHARE = 0.1;
/** A curated pattern this severe (lexicon weight) sets a floor under the score: "je vais te tuer" is 0.95. */
const SEVERE = 0.8;

/**
 * Several models over the same features, n-gram weights kept as int8 and interleaved by bucket:
 * one lookup serves every model, and 2^18 × 4 models fit in 1 MB of cache instead of 4.
 */
interface ModelGroup {
  /** The n-gram features every model of the group reads. */
  features: FeatureSet;
  attributes: Attribute[];
  k: number;
  /** hashed[bucket * k + model], times scale[model]. */
  hashed: Int8Array;
  scale: Float64Array;
  /** lexicon[feature * k + model]. */
  lexicon: Float32Array;
  bias: Float64Array;
  platt: Array<{ a: number; b: number }>;
  ceiling: Float64Array;
  /** 1 for a length-invariant model (its n-gram sum is divided once more by √n), 0 otherwise. */
  lengthInvariant: Uint8Array;
}

function groupOf(features: FeatureSet, models: readonly StoredLinearModel[]): ModelGroup {
  const k = models.length;
  const hashed = new Int8Array(HASH_SIZE * k);
  const lexicon = new Float32Array(LEXICON_FEATURE_COUNT * k);
  models.forEach((m, j) => {
    const bytes = Buffer.from(m.hashedInt8, 'base64');
    const q = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < HASH_SIZE; i++) hashed[i * k + j] = q[i]!;
    m.lexiconWeights.forEach((w, d) => (lexicon[d * k + j] = w));
  });
  return {
    features,
    attributes: models.map((m) => m.attribute as Attribute),
    k,
    hashed,
    scale: Float64Array.from(models, (m) => m.hashedScale),
    lexicon,
    bias: Float64Array.from(models, (m) => m.bias),
    platt: models.map((m) => m.platt),
    ceiling: Float64Array.from(models, (m) => m.ceiling),
    lengthInvariant: Uint8Array.from(models, (m) => (m.lengthInvariant ? 1 : 0)),
  };
}

interface Features {
  text: NormalizedText;
  lang: CommentLanguage;
  sparse: SparseFeatures;
  lexicon: LexiconFeatures;
}

/** Features of the last comment per feature set: the toxicity and spam models may read different sets. */
const lastBySet = new Map<FeatureSet, Features>();
const scratchBySet = new Map<FeatureSet, SparseFeatures>();

function featuresOf(text: NormalizedText, lang: CommentLanguage, set: FeatureSet, lexicon?: LexiconFeatures): Features {
  const last = lastBySet.get(set);
  if (last !== undefined && last.text === text && last.lang === lang) return last;
  const sparse = hashedFeatures(text, scratchBySet.get(set), { lang, set });
  scratchBySet.set(set, sparse);
  const f = { text, lang, sparse, lexicon: lexicon ?? lexiconFeatures(text, lang) };
  lastBySet.set(set, f);
  return f;
}

/** Points at what raised one model's score: n-gram weights summed per token, plus lexicon matches. */
function explain(group: ModelGroup, j: number, p: number, f: Features, spans: ScoredSpan[]): void {
  const { k, hashed } = group;
  const scale = group.scale[j]! * (group.lengthInvariant[j] && f.sparse.length > 0 ? f.sparse.value[0]! : 1);
  const attribute = group.attributes[j]!;
  const candidates: Array<{ start: number; end: number; c: number; label?: string }> = [];
  {
    const tokens = f.text.tokens;
    const byToken = new Float64Array(tokens.length);
    const { sparse } = f;
    for (let i = 0; i < sparse.length; i++) {
      const from = sparse.tokenFrom[i]!;
      const to = sparse.tokenTo[i]!;
      const share = (hashed[sparse.index[i]! * k + j]! * scale * sparse.value[i]!) / (to - from + 1);
      for (let t = from; t <= to; t++) byToken[t]! += share;
    }
    for (let t = 0; t < tokens.length; t++) {
      // a word of one or two letters ("es", "le") is never the culprit on its own: n-grams across words lend it weight
      if (tokens[t]!.end - tokens[t]!.start <= 2) continue;
      if (byToken[t]! > 0) candidates.push({ start: tokens[t]!.rawStart, end: tokens[t]!.rawEnd, c: byToken[t]! });
    }
  }
  // toxicity models explain with abuse matches, the spam model with spam signals: "FCFA" is no insult
  const spamModel = attribute === 'spam';
  for (const hit of f.lexicon.hits) {
    if ((hit.attribute === 'spam') !== spamModel) continue;
    const c = group.lexicon[hit.feature * k + j]! * hit.weight;
    if (c > 0) candidates.push({ start: hit.start, end: hit.end, c, ...(hit.label ? { label: hit.label } : {}) });
  }
  let total = 0;
  for (const cand of candidates) total += cand.c;
  candidates.sort((a, b) => b.c - a.c);
  const chosen: typeof candidates = [];
  for (const cand of candidates) {
    if (chosen.length >= SPANS_PER_ATTRIBUTE || cand.c < SPAN_MIN_SHARE * total) break;
    // a lexicon match and the n-grams of its word point at the same text: show it once
    if (chosen.some((s) => cand.start < s.end && s.start < cand.end)) continue;
    chosen.push(cand);
  }
  for (const s of chosen) {
    const span: ScoredSpan = { start: s.start, end: s.end, attribute, weight: Math.min(1, (p * s.c) / total) };
    if (s.label !== undefined) span.label = s.label;
    spans.push(span);
  }
}

/** Calibrated probabilities of every model of a group, with spans for those worth explaining. */
function scoreGroup(group: ModelGroup, f: Features, scores: Scores, spans: ScoredSpan[]): void {
  const { k, hashed, lexicon } = group;
  const sums = new Float64Array(k);
  const { sparse } = f;
  for (let i = 0; i < sparse.length; i++) {
    const base = sparse.index[i]! * k;
    for (let j = 0; j < k; j++) sums[j]! += hashed[base + j]!;
  }
  // every n-gram of a comment has the same value (unit-length scaling), so it multiplies once
  const v = sparse.length > 0 ? sparse.value[0]! : 0;
  const dense = f.lexicon.values;
  for (let j = 0; j < k; j++) {
    let z = group.bias[j]! + sums[j]! * v * group.scale[j]! * (group.lengthInvariant[j] ? v : 1);
    for (let d = 0; d < dense.length; d++) z += lexicon[d * k + j]! * dense[d]!;
    // capped: across sources the surest model calls are right about as often as the ceiling says
    const p = Math.min(group.ceiling[j]!, sigmoid(group.platt[j]!.a * z + group.platt[j]!.b));
    scores[group.attributes[j]!] = p;
    if (p >= SPAN_MIN_SCORE) explain(group, j, p, f, spans);
  }
}

// a word is explained once: "Insult: c0nn4rd", not also "Profanity" and "Toxic language"
const SPAN_PRIORITY: readonly Attribute[] = ['threat', 'identity_attack', 'insult', 'profanity', 'toxicity', 'spam'];

/**
 * One span per range, the strongest of the most specific attribute (two lexicons may hold the
 * same threat); `toxicity` keeps its own spans only when no part of toxicity explains anything.
 */
function distinctSpans(spans: readonly ScoredSpan[], scores: Scores): ScoredSpan[] {
  const best = new Map<string, ScoredSpan>();
  // the attribute that scores highest owns a word; on a tie, the most specific one
  const better = (a: ScoredSpan, b: ScoredSpan) => {
    const byScore = (scores[a.attribute] ?? 0) - (scores[b.attribute] ?? 0);
    if (Math.abs(byScore) > 0.02) return byScore > 0;
    const byRank = SPAN_PRIORITY.indexOf(a.attribute) - SPAN_PRIORITY.indexOf(b.attribute);
    return byRank !== 0 ? byRank < 0 : a.weight > b.weight;
  };
  for (const s of spans) {
    // spam and toxicity are separate checks: each keeps its own explanation of a range
    const key = `${s.attribute === 'spam' ? 'spam' : 'toxic'}:${s.start}:${s.end}`;
    const known = best.get(key);
    if (known === undefined || better(s, known)) best.set(key, s);
  }
  // "know where you live" inside "we know where you live": show the whole phrase
  const kept = [...best.values()].filter(
    (s) => ![...best.values()].some((o) => o !== s && o.attribute === s.attribute && o.start <= s.start && s.end <= o.end && o.end - o.start > s.end - s.start),
  );
  const explainedByPart = kept.some((s) => s.attribute !== 'toxicity' && s.attribute !== 'spam');
  return explainedByPart ? kept.filter((s) => s.attribute !== 'toxicity') : kept;
}

/**
 * Threat is the higher of its trained model (human threat labels) and the severe-harm scorer's
 * threats, calls to violence and wishes of harm, read by structure, denial and quotation included.
 */
function scoreThreat(f: Features, scores: Scores, spans: ScoredSpan[]): { threat: number; defused: boolean } {
  const read = severeHarmOf(f.text);
  const harms = read.harms.filter((h) => h.category !== 'dehumanisation');
  const threat = harms[0]?.score ?? 0;
  scores.threat = Math.max(scores.threat ?? 0, threat);
  for (const h of harms) spans.push({ start: h.start, end: h.end, attribute: 'threat', weight: h.score });
  return { threat, defused: read.harms.length === 0 && read.defused.length > 0 };
}

/**
 * "Je ne vais pas te tuer, je vais te répondre", "No one should be killed for their faith": the
 * severe-harm reader found violence and read it as denied or condemned. Its reading wins over the
 * n-grams of "tuer" or "kill": without an insult aimed at someone, the comment is not held for it.
 */
function capDefusedHarm(f: Features, scores: Scores): void {
  // a listed threat phrase ("kill you") is the very thing the reader found denied: only an insult counts here
  if (f.lexicon.hits.some((h) => (h.attribute === 'insult' || h.attribute === 'identity_attack') && !isWordListHit(h))) return;
  for (const attribute of ['toxicity', 'threat', 'insult', 'identity_attack'] as const) scores[attribute] = Math.min(scores[attribute] ?? 0, UNTARGETED_SWEARING_CAP);
}

const isAimed = (f: Features) => f.lexicon.hits.some((h) => (h.attribute === 'insult' || h.attribute === 'identity_attack' || h.attribute === 'threat') && !isWordListHit(h));

/** Curated severe patterns (threats, slurs, dehumanisation, strong insults) and the parts of toxicity floor the model scores. */
function applySevereFloor(f: Features, scores: Scores, spans: ScoredSpan[]): void {
  // an insult, threat or identity attack is toxic: P(toxic) is at least the probability of each part
  let floor = Math.max(scores.threat ?? 0, scores.insult ?? 0, scores.identity_attack ?? 0);
  for (const hit of f.lexicon.hits) {
    if (hit.weight < SEVERE || hit.attribute === 'spam' || hit.attribute === 'profanity' || hit.attribute === 'toxicity') continue;
    // threats are read by structure (scoreThreat): a listed phrase may be denied or quoted
    if (hit.attribute === 'threat') continue;
    // a word list says "listed", not how severe: "abruti" is listed, and must not reject on its own
    if (isWordListHit(hit)) continue;
    // only attributes the toxicity models own: a severe spam phrase must not floor toxicity
    floor = Math.max(floor, hit.weight);
    const current = scores[hit.attribute] ?? 0;
    if (hit.weight > current) scores[hit.attribute] = hit.weight;
  }
  if (floor > (scores.toxicity ?? 0)) {
    scores.toxicity = floor;
    if (!spans.some((s) => s.attribute === 'toxicity')) {
      for (const h of f.lexicon.hits) {
        if (h.weight >= SEVERE && h.attribute !== 'spam' && h.attribute !== 'threat' && !isWordListHit(h)) spans.push({ start: h.start, end: h.end, attribute: 'toxicity', weight: h.weight });
      }
    }
  }
}

/** "Putain, quelle journée": swearing at nobody, with no insult in the lexicons, is not held. */
function capUntargetedSwearing(f: Features, scores: Scores, severeThreat: number): void {
  // a threat read by structure, or one the threat model is sure of; the model's base level on any text is not one
  if (isAimed(f) || severeThreat > 0 || (scores.threat ?? 0) >= SPAN_MIN_SCORE || !isUntargetedSwearing(f.text)) return;
  for (const attribute of ['toxicity', 'insult'] as const) scores[attribute] = Math.min(scores[attribute] ?? 0, UNTARGETED_SWEARING_CAP);
}

const toxicityFile = readModelFile('toxicity');
const spamFile = readModelFile('spam');
// one group per feature set: each n-gram bucket is one cache line for all the models of a group
const groups: ModelGroup[] = sameFeatureSet(toxicityFile.features, spamFile.features)
  ? [groupOf(toxicityFile.features, [...toxicityFile.models, ...spamFile.models])]
  : [groupOf(toxicityFile.features, toxicityFile.models), groupOf(spamFile.features, spamFile.models)];
const SPAM_ATTRIBUTES = new Set<Attribute>(['spam']);

// the toxicity and spam checks score the same comment back to back: score it once for both
let lastScore: { text: NormalizedText; lang: CommentLanguage; score: TextScore } | undefined;

function scoreAll(text: NormalizedText, lang: CommentLanguage): TextScore {
  if (lastScore !== undefined && lastScore.text === text && lastScore.lang === lang) return lastScore.score;
  const scores: Scores = {};
  const spans: ScoredSpan[] = [];
  let f: Features | undefined;
  for (const group of groups) {
    // the lexicon features do not depend on the n-gram set: read them once
    const read = featuresOf(text, lang, group.features, f?.lexicon);
    f ??= read;
    scoreGroup(group, read, scores, spans);
  }
  if (f === undefined) throw new Error('no model group');
  const severe = scoreThreat(f, scores, spans);
  applySevereFloor(f, scores, spans);
  capUntargetedSwearing(f, scores, severe.threat);
  if (severe.defused) capDefusedHarm(f, scores);
  const score = { scores, spans: distinctSpans(spans, scores) };
  lastScore = { text, lang, score };
  return score;
}

function pick(score: TextScore, keep: (attribute: Attribute) => boolean): TextScore {
  const scores: Scores = {};
  for (const [attribute, value] of Object.entries(score.scores) as Array<[Attribute, number]>) if (keep(attribute)) scores[attribute] = value;
  return { scores, spans: score.spans.filter((s) => keep(s.attribute)) };
}

/** Trained toxicity classifier: `toxicity`, `insult`, `threat`, `identity_attack`, `profanity`. */
export const builtInToxicityScorer: TextScorer = {
  name: 'linear-toxicity',
  version: MODEL_VERSIONS.toxicity,
  score: (text, lang) => pick(scoreAll(text, lang), (a) => !SPAM_ATTRIBUTES.has(a)),
};

/** Trained spam classifier: `spam`. */
export const builtInSpamScorer: TextScorer = {
  name: 'linear-spam',
  version: MODEL_VERSIONS.spam,
  score: (text, lang) => pick(scoreAll(text, lang), (a) => SPAM_ATTRIBUTES.has(a)),
};

/**
 * What the trained models alone say, before the severe-harm scorer, the curated severity floors
 * and the swearing cap: for tests and for measuring a model on its own.
 * @example trainedModelScores(normalizeForMatching('I will put a bullet in your head'), 'en').threat // ≥ 0.3
 */
export function trainedModelScores(text: NormalizedText, lang: CommentLanguage): Scores {
  const scores: Scores = {};
  let lexicon: LexiconFeatures | undefined;
  for (const group of groups) {
    const read = featuresOf(text, lang, group.features, lexicon);
    lexicon ??= read.lexicon;
    scoreGroup(group, read, scores, []);
  }
  return scores;
}

/**
 * Every built-in attribute at once (for the CLIs); the checks use the two scorers above.
 * @example builtInScorer.score(normalizeForMatching("T'es qu'un c0nnard"), 'fr').scores.insult // ≥ 0.5
 */
export const builtInScorer: TextScorer = {
  name: 'linear',
  version: `${MODEL_VERSIONS.toxicity}+${MODEL_VERSIONS.spam}`,
  score: (text, lang) => scoreAll(text, lang),
};
