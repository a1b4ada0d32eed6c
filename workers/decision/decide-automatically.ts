import type { Queue } from 'bullmq';
import { effectivePolicy } from '../../core/articles/article-policy.js';
import { getComment } from '../../core/comments/comment-store.js';
import type { CoreDeps } from '../../core/deps.js';
import type { CommentRef } from '../../core/queue/moderation-queue.js';
import { PROVIDER_CHECK_JOB, providerCheckJobOptions, type ProviderJobData } from '../../core/queue/provider-queue.js';
import { anyProviderEnabled } from '../../core/sites/provider-policy.js';
import type { Site } from '../../core/sites/site-store.js';
import type { Comment } from '../../protocol/comment.js';
import type { CheckResult, DecisionTrace } from '../../protocol/decision.js';
import { checksTrace, runChecks } from '../checks/run-checks.js';
import type { CheckContext, SiteAdaptation } from '../checks/types.js';
import { detectLanguage, LANGUAGE_DETECTOR_VERSION } from '../language/detect-language.js';
import type { SurgeDeps } from '../surge/surge-deps.js';
import { trackSurgeAfterDecision } from '../surge/track-surge.js';
import { fingerprint } from '../text/fingerprint.js';
import { textGroup } from '../text/text-group.js';
import { trackFloodAfterDecision } from '../flood/track-flood.js';
import { normalizeForMatching, type NormalizedText } from '../text/normalize.js';
import { decideStatus } from '../../core/decision/decide-status.js';
import { gatherFacts } from './gather-facts.js';
import { writeAutoDecision } from './write-auto-decision.js';
import { raiseDecisionEvents } from '../alerts/decision-events.js';
import type { StatsBatch } from '../../core/stats/stats-batch.js';

export interface DecisionDeps extends CoreDeps, SurgeDeps {
  readonly siteOf: (siteId: string) => Promise<Site | null>;
  /** What the site learned from its moderators, for this comment's features (see workers/learning). */
  readonly adaptationOf?: (siteId: string, text: NormalizedText) => Promise<SiteAdaptation | undefined>;
  /** Where comments of sites with outside providers wait for the providers' stage. */
  readonly providerQueue: Queue<ProviderJobData>;
}

/** What the outside providers said (workers/providers): results to merge, and their models for the trace. */
export interface ExtraResults {
  results: CheckResult[];
  models: Record<string, string>;
}

/**
 * A stage that brings extra results for a comment still waiting at the version asked about
 * (the providers' stage). It runs once per decision, after the built-in checks; it may throw to
 * have the job retried, before anything is written.
 */
export type ExtraStage = (comment: Comment, ctx: CheckContext) => Promise<ExtraResults>;

/**
 * `deferred`: handed to the providers queue, whose stage calls back here with its results.
 * `stale`: the comment changed since the version the providers were asked about.
 */
export type DecisionOutcome = 'decided' | 'deferred' | 'already_decided' | 'missing' | 'stale';

// a concurrent write between our read and our write (a moderator, another job): look again
const MAX_ATTEMPTS = 3;

/**
 * The whole automatic decision of one comment, for the built-in path and the providers' path
 * alike: load it, gather the facts, run every check in order, decide, trace, write once, then
 * track surges. Without `extraStage`, a site that uses outside providers gets the comment handed
 * to the providers queue instead (unless the checks already reject it); with it, the stage's
 * results are merged in and the comment is decided, only at `ref.version` when it is given.
 * Runs at least once per comment: a comment no longer pending (a human decided, a repeated job)
 * is left alone.
 * @example await decideAutomatically(deps, { siteId, commentId }) // 'decided'
 */
export async function decideAutomatically(
  deps: DecisionDeps,
  ref: CommentRef & { version?: number },
  extraStage?: ExtraStage,
  /** A batch's statistics, written by the caller after the batch (workers/decision/moderate-batch.ts). */
  statsBatch?: StatsBatch,
): Promise<DecisionOutcome> {
  let extra: ExtraResults | undefined; // asked once, kept across the retries below
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const comment = await getComment(deps, ref.siteId, ref.commentId);
    if (!comment) return 'missing';
    if (comment.status !== 'pending') return 'already_decided';
    // an undo sent it back to pending: its new moderate job brings a fresh decision
    if (ref.version !== undefined && comment.version !== ref.version) return 'stale';
    const site = await deps.siteOf(ref.siteId);
    if (!site) return 'missing';
    const { ctx, article, hold, group } = await checkContext(deps, comment, site);
    const builtIn = runChecks(ctx);
    if (extraStage) extra ??= await extraStage(comment, ctx);
    const decision = decideStatus([...builtIn, ...(extra?.results ?? [])], ctx.policy, hold);
    // outside providers are asked unless the built-in checks already refuse the comment;
    // it stays pending, unseen, until their stage brings its results back here
    if (!extraStage && decision.status !== 'rejected' && anyProviderEnabled(ctx.policy.providers)) {
      const job = { siteId: comment.siteId, commentId: comment.id, version: comment.version };
      await deps.providerQueue.add(PROVIDER_CHECK_JOB, job, providerCheckJobOptions(comment.id, comment.version));
      return 'deferred';
    }
    const trace: DecisionTrace = {
      mode: ctx.policy.mode,
      thresholds: decision.thresholds,
      checks: checksTrace.checks,
      models: { language: LANGUAGE_DETECTOR_VERSION, ...checksTrace.models, ...extra?.models },
    };
    const batchStats = statsBatch ? { batch: statsBatch, section: article.section || undefined } : undefined;
    const written = await writeAutoDecision(deps, comment, decision, trace, ctx.lang, group, batchStats);
    if (written.ok) {
      // after the write, so a surge never delays the decision; a failure here never fails the job
      await trackSurgeAfterDecision(deps, { comment, status: decision.status, policy: site.policy.surge, article });
      await trackFloodAfterDecision(deps, { comment, status: decision.status, reasons: decision.reasons, policy: site.policy.flood });
      await raiseDecisionEvents(deps, { comment: written.comment, article, policy: ctx.policy });
      return 'decided';
    }
    if (written.reason === 'missing') return 'missing';
  }
  return 'already_decided';
}

/** What the checks read: the comment normalised once, the facts about its author and article, the policy that applies. */
async function checkContext(deps: DecisionDeps, comment: Comment, site: Site) {
  const text = normalizeForMatching(comment.body);
  const group = textGroup(text);
  const [facts, adaptation] = await Promise.all([
    gatherFacts(deps, comment, fingerprint(text), group, site.policy),
    deps.adaptationOf?.(comment.siteId, text),
  ]);
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
    text,
    now: deps.now(),
    ...(comment.arrival ? { arrival: comment.arrival } : {}),
    ...(adaptation ? { adaptation } : {}),
  };
  return { ctx, article: facts.article, hold, group };
}
