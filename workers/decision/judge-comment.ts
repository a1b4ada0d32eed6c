import { effectivePolicy } from '../../core/articles/article-policy.js';
import { decideStatus } from '../../core/decision/decide-status.js';
import { PROVIDER_CHECK_JOB, providerCheckJobOptions } from '../../core/queue/provider-queue.js';
import { anyProviderEnabled } from '../../core/sites/provider-policy.js';
import type { Site } from '../../core/sites/site-store.js';
import type { Comment } from '../../protocol/comment.js';
import type { DecisionTrace } from '../../protocol/decision.js';
import { raiseDecisionEvents } from '../alerts/decision-events.js';
import { checksTrace, runChecks } from '../checks/run-checks.js';
import type { CheckContext, SiteAdaptation } from '../checks/types.js';
import { trackFloodAfterDecision } from '../flood/track-flood.js';
import { detectLanguage, LANGUAGE_DETECTOR_VERSION } from '../language/detect-language.js';
import { trackSurgeAfterDecision } from '../surge/track-surge.js';
import { fingerprint } from '../text/fingerprint.js';
import { normalizeForMatching, type NormalizedText } from '../text/normalize.js';
import { textGroup } from '../text/text-group.js';
import type { DecisionDeps, ExtraResults, ExtraStage } from './decision-deps.js';
import type { Facts, FactsRequest } from './gather-facts.js';
import type { AutoDecision } from './write-auto-decision.js';

/** A comment's text normalised once, with its exact and near-same keys for the duplicate windows. */
export interface CommentText {
  text: NormalizedText;
  fingerprint: string;
  group: string;
}

export function commentText(comment: Comment): CommentText {
  const text = normalizeForMatching(comment.body);
  return { text, fingerprint: fingerprint(text), group: textGroup(text) };
}

export const factsRequest = (comment: Comment, text: CommentText, site: Site): FactsRequest => ({
  comment,
  fingerprint: text.fingerprint,
  group: text.group,
  policy: site.policy,
});

/** What a pending comment comes to once its facts are read: handed to the providers, or a decision to write. */
export type Verdict =
  | { kind: 'deferred' }
  | { kind: 'write'; auto: AutoDecision; site: Site; article: Record<string, string>; policy: CheckContext['policy'] };

/** One comment to judge: as read, with its site, text, facts and what its site learned. */
export interface JudgeInput {
  comment: Comment;
  site: Site;
  text: CommentText;
  facts: Facts;
  adaptation: SiteAdaptation | undefined;
}

/**
 * Runs every check in order and decides, with the extra stage's results merged in when there is
 * one (`extra.results` keeps them across a caller's retries: the stage is asked once). Without
 * a stage, a comment of a site that uses outside providers is handed to the providers queue
 * (unless the checks already reject it).
 */
export async function judgeComment(
  deps: DecisionDeps,
  input: JudgeInput,
  extraStage?: ExtraStage,
  extra: { results?: ExtraResults } = {},
): Promise<Verdict> {
  const { comment, site, facts } = input;
  // the article's own policy over the site's, and pre-moderation while a surge lasts
  const { policy, hold } = effectivePolicy(site.policy, facts.article, deps.now());
  const ctx: CheckContext = {
    comment: {
      id: comment.id,
      siteId: comment.siteId,
      articleId: comment.articleId,
      authorId: comment.author.id,
      body: comment.body,
      createdAt: comment.createdAt,
    },
    policy,
    author: facts.author,
    recent: facts.recent,
    lang: detectLanguage(comment.body),
    text: input.text.text,
    now: deps.now(),
    ...(comment.arrival ? { arrival: comment.arrival } : {}),
    ...(input.adaptation ? { adaptation: input.adaptation } : {}),
  };
  const builtIn = runChecks(ctx);
  if (extraStage) extra.results ??= await extraStage(comment, ctx);
  const decision = decideStatus([...builtIn, ...(extra.results?.results ?? [])], ctx.policy, hold);
  // outside providers are asked unless the built-in checks already refuse the comment;
  // it stays pending, unseen, until their stage brings its results back here
  if (!extraStage && decision.status !== 'rejected' && anyProviderEnabled(ctx.policy.providers)) {
    const job = { siteId: comment.siteId, commentId: comment.id, version: comment.version };
    await deps.providerQueue.add(PROVIDER_CHECK_JOB, job, providerCheckJobOptions(comment.id, comment.version));
    return { kind: 'deferred' };
  }
  const trace: DecisionTrace = {
    mode: ctx.policy.mode,
    thresholds: decision.thresholds,
    checks: checksTrace.checks,
    models: { language: LANGUAGE_DETECTOR_VERSION, ...checksTrace.models, ...extra.results?.models },
  };
  const auto: AutoDecision = { comment, decision, trace, lang: ctx.lang, textGroup: input.text.group };
  return { kind: 'write', auto, site, article: facts.article, policy: ctx.policy };
}

/** After the write, so a surge never delays the decision: surges, floods and the decision's webhooks. */
export async function afterDecision(deps: DecisionDeps, verdict: Verdict & { kind: 'write' }, written: Comment): Promise<void> {
  const { auto, site, article } = verdict;
  const { comment, decision } = auto;
  // a failure in either tracker is logged, never fails the job
  await trackSurgeAfterDecision(deps, { comment, status: decision.status, policy: site.policy.surge, article });
  await trackFloodAfterDecision(deps, { comment, status: decision.status, reasons: decision.reasons, policy: site.policy.flood });
  await raiseDecisionEvents(deps, { comment: written, article, policy: verdict.policy });
}
