import type { Queue } from 'bullmq';
import { writeAutoDecision } from './write-auto-decision.js';
import type { DecisionTrace } from '../../protocol/decision.js';
import { getComment } from '../../core/comments/comment-store.js';
import type { CoreDeps } from '../../core/deps.js';
import type { CommentRef } from '../../core/queue/moderation-queue.js';
import {
  PROVIDER_CHECK_JOB,
  providerCheckJobOptions,
  type ProviderCheckJobData,
  type ProviderJobData,
} from '../../core/queue/provider-queue.js';
import { anyProviderEnabled } from '../../core/sites/provider-policy.js';
import type { Site } from '../../core/sites/site-store.js';
import { checksTrace, runChecks } from '../checks/run-checks.js';
import type { CheckContext, SiteAdaptation } from '../checks/types.js';
import { detectLanguage, LANGUAGE_DETECTOR_VERSION } from '../language/detect-language.js';
import { fingerprint } from '../text/fingerprint.js';
import { normalizeForMatching, type NormalizedText } from '../text/normalize.js';
import { decideStatus } from './decide-status.js';
import { gatherFacts } from './gather-facts.js';
import { effectivePolicy } from '../../core/articles/article-policy.js';
import type { SurgeDeps } from '../surge/surge-deps.js';
import { trackSurgeAfterDecision } from '../surge/track-surge.js';

export interface ModerationDeps extends CoreDeps, SurgeDeps {
  readonly siteOf: (siteId: string) => Promise<Site | null>;
  /** What the site learned from its moderators, for this comment's features (see workers/learning). */
  readonly adaptationOf?: (siteId: string, text: NormalizedText) => Promise<SiteAdaptation | undefined>;
  /** Where comments of sites with outside providers go to be decided. */
  readonly providerQueue: Queue<ProviderJobData>;
}

/** `deferred`: handed to the providers queue, which decides and writes. */
export type ModerationOutcome = 'decided' | 'deferred' | 'already_decided' | 'missing';

/**
 * The whole automatic decision for one comment: load, run every check in order, decide, and
 * write once — or, on a site with outside providers, hand the results to the providers queue,
 * which decides and writes. Runs at least once per comment; a comment no longer pending (a human decided,
 * or this is a repeated job) is left alone.
 */
export async function moderateComment(deps: ModerationDeps, job: CommentRef): Promise<ModerationOutcome> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const comment = await getComment(deps, job.siteId, job.commentId);
    if (!comment) return 'missing';
    if (comment.status !== 'pending') return 'already_decided';
    const site = await deps.siteOf(job.siteId);
    if (!site) return 'missing';
    const text = normalizeForMatching(comment.body);
    const lang = detectLanguage(comment.body);
    const [facts, adaptation] = await Promise.all([
      gatherFacts(deps, comment, fingerprint(text), site.policy),
      deps.adaptationOf?.(job.siteId, text),
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
      lang,
      text,
      now: deps.now(),
      ...(adaptation ? { adaptation } : {}),
    };
    const results = runChecks(ctx);
    const decision = decideStatus(results, policy, hold);
    const trace: DecisionTrace = {
      mode: policy.mode,
      thresholds: decision.thresholds,
      checks: checksTrace.checks,
      models: { language: LANGUAGE_DETECTOR_VERSION, ...checksTrace.models },
    };
    // outside providers are asked unless the built-in checks already refuse the comment;
    // it stays pending, unseen, until the providers queue decides
    if (decision.status !== 'rejected' && anyProviderEnabled(policy.providers)) {
      const data: ProviderCheckJobData = {
        siteId: comment.siteId,
        commentId: comment.id,
        version: comment.version,
        lang,
        builtIn: results, // so the provider worker does not run the checks again
        trace: { checks: trace.checks, models: trace.models },
      };
      await deps.providerQueue.add(PROVIDER_CHECK_JOB, data, providerCheckJobOptions(comment.id, comment.version));
      return 'deferred';
    }
    const result = await writeAutoDecision(deps, comment, decision, trace, lang);
    if (result.ok) {
      // after the write, so a surge never delays the decision; a failure here never fails the job
      await trackSurgeAfterDecision(deps, { comment, status: decision.status, policy: site.policy.surge, article: facts.article });
      return 'decided';
    }
    if (result.reason === 'missing') return 'missing';
    // conflict: someone changed the comment while we scored it; look again
  }
  return 'already_decided';
}
