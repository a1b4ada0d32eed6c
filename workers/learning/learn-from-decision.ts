import { getComment } from '../../core/comments/comment-store.js';
import type { CoreDeps } from '../../core/deps.js';
import type { LearnJobData } from '../../core/queue/learning-queue.js';
import type { CommentLanguage } from '../../protocol/language.js';
import { detectLanguage } from '../language/detect-language.js';
import { spamScorer, toxicityScorer } from '../scoring/built-in-scorers.js';
import type { TextScorer } from '../scoring/scorer.js';
import { normalizeForMatching, type NormalizedText } from '../text/normalize.js';
import { adaptationFeatures } from './adaptation-features.js';
import { correctedLogit, sigmoid } from './adaptation-math.js';
import { FTRL_PARAMS } from './adaptation-params.js';
import { ftrlIncrements, type FtrlParams } from './ftrl.js';
import { fitCalibration } from './site-calibration.js';
import { recordHumanDecision } from './rejected-texts.js';
import { applyAdaptationUpdate, readAdaptations, storeCalibration, type AdaptedAttribute } from '../../core/learning/site-adaptation-store.js';

const SCORERS: Record<AdaptedAttribute, TextScorer> = { toxicity: toxicityScorer, spam: spamScorer };

/** The shipped score of a decided text; the built-in scorers in production, a left-out model in `npm run learning-eval`. */
export type BaseScore = (text: NormalizedText, lang: CommentLanguage, attribute: AdaptedAttribute) => number;
export const builtInBaseScore: BaseScore = (text, lang, attribute) => SCORERS[attribute].score(text, lang).scores[attribute] ?? 0;

/** What production fixes and `npm run learning-eval` varies: the base model and the FTRL constants. */
export interface LearningOptions {
  baseScore?: BaseScore;
  params?: FtrlParams;
}

/**
 * One lesson from one moderator decision, per attribute it labels: an FTRL step of the site's
 * correction toward the label (the shipped logit is the fixed offset, so only disagreement
 * moves weights), then the site's calibration refitted on its decided comments.
 * Returns the adapted probability before the update, per attribute.
 */
export async function learnFromText(
  deps: CoreDeps,
  siteId: string,
  body: string,
  labels: LearnJobData['labels'],
  lang: CommentLanguage = detectLanguage(body),
  { baseScore = builtInBaseScore, params = FTRL_PARAMS }: LearningOptions = {},
): Promise<Partial<Record<AdaptedAttribute, number>>> {
  const text = normalizeForMatching(body);
  const features = adaptationFeatures(text);
  const learned = await readAdaptations(deps, siteId, features.buckets);
  const before: Partial<Record<AdaptedAttribute, number>> = {};
  for (const attribute of Object.keys(labels) as AdaptedAttribute[]) {
    const label = labels[attribute];
    if (label === undefined) continue;
    const current = learned[attribute];
    const u = correctedLogit(baseScore(text, lang, attribute), current, features.values, params);
    const calibration = current?.calibration ?? { a: 1, b: 0 };
    before[attribute] = sigmoid(calibration.a * u + calibration.b);
    // the correction learns against the uncalibrated logit: calibration and correction must not both chase one shift
    const states = features.buckets.map((_, i) => ({ z: current?.z[i] ?? 0, n: current?.n[i] ?? 0 }));
    const { dz, dn } = ftrlIncrements(sigmoid(u) - label, features.values, states, params);
    const { history } = await applyAdaptationUpdate(deps, siteId, attribute, { buckets: features.buckets, dz, dn, point: { u, y: label } });
    await storeCalibration(deps, siteId, attribute, fitCalibration(history));
  }
  return before;
}

/** The learning job: the decided comment's text and the labels its decision carries; a rejection is also remembered for its copies. */
export async function learnFromDecision(deps: CoreDeps, job: LearnJobData, options: LearningOptions = {}): Promise<boolean> {
  const comment = await getComment(deps, job.siteId, job.commentId);
  if (!comment) return false;
  const lang = comment.lang === 'fr' || comment.lang === 'en' || comment.lang === 'other' ? comment.lang : undefined;
  await learnFromText(deps, job.siteId, comment.body, job.labels, lang, options);
  const rejected = job.labels.toxicity === 1 || job.labels.spam === 1;
  await recordHumanDecision(deps, job.siteId, {
    commentId: comment.id,
    text: normalizeForMatching(comment.body),
    rejected,
    reason: job.reason ?? (job.labels.spam === 1 ? 'spam' : 'abuse'),
    decidedAt: comment.decidedAt ?? new Date(deps.now()).toISOString(),
  });
  return true;
}
