import { getComment } from '../../core/comments/comment-store.js';
import type { CoreDeps } from '../../core/deps.js';
import type { LearnJobData } from '../../core/queue/learning-queue.js';
import { detectLanguage } from '../language/detect-language.js';
import { spamScorer, toxicityScorer } from '../scoring/built-in-scorers.js';
import type { TextScorer } from '../scoring/scorer.js';
import { normalizeForMatching, type NormalizedText } from '../text/normalize.js';
import { adaptationFeatures } from './adaptation-features.js';
import { adaptedProbability, gradientStep } from './adaptation-math.js';
import { applyAdaptationUpdate, readAdaptations, type AdaptedAttribute } from '../../core/learning/site-adaptation-store.js';

const SCORERS: Record<AdaptedAttribute, TextScorer> = { toxicity: toxicityScorer, spam: spamScorer };

/**
 * One lesson from one moderator decision: score the comment as the pipeline does (shipped
 * model plus what the site already learned) and move the site's weights toward the label.
 * Returns the adapted probability before the update, per attribute.
 */
export function learnFromText(
  deps: CoreDeps,
  siteId: string,
  body: string,
  labels: LearnJobData['labels'],
  lang = detectLanguage(body),
  /** The shipped score of this text; the built-in scorers unless an experiment brings its own. */
  baseScore?: (attribute: AdaptedAttribute) => number,
): Promise<Partial<Record<AdaptedAttribute, number>>> {
  const text = normalizeForMatching(body);
  return learnFromNormalized(deps, siteId, text, labels, baseScore ?? ((a) => SCORERS[a].score(text, lang).scores[a] ?? 0));
}

async function learnFromNormalized(
  deps: CoreDeps,
  siteId: string,
  text: NormalizedText,
  labels: LearnJobData['labels'],
  baseScore: (attribute: AdaptedAttribute) => number,
): Promise<Partial<Record<AdaptedAttribute, number>>> {
  const features = adaptationFeatures(text);
  const learned = await readAdaptations(deps, siteId, features.buckets);
  const before: Partial<Record<AdaptedAttribute, number>> = {};
  for (const attribute of Object.keys(labels) as AdaptedAttribute[]) {
    const label = labels[attribute];
    if (label === undefined) continue;
    const base = baseScore(attribute);
    const current = learned[attribute];
    const weights = current?.weights ?? new Float64Array(features.buckets.length);
    const p = adaptedProbability(base, current?.bias ?? 0, weights, features.values);
    before[attribute] = p;
    await applyAdaptationUpdate(deps, siteId, attribute, features.buckets, gradientStep(p, label, weights, features.values));
  }
  return before;
}

/** The learning job: the decided comment's text and the labels its decision carries. */
export async function learnFromDecision(deps: CoreDeps, job: LearnJobData): Promise<boolean> {
  const comment = await getComment(deps, job.siteId, job.commentId);
  if (!comment) return false;
  const lang = comment.lang === 'fr' || comment.lang === 'en' || comment.lang === 'other' ? comment.lang : undefined;
  await learnFromText(deps, job.siteId, comment.body, job.labels, lang);
  return true;
}
