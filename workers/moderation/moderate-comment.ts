import type { DecisionTrace } from '../../core/comments/comment.js';
import { getComment } from '../../core/comments/comment-store.js';
import { transitionComment } from '../../core/comments/comment-transition.js';
import type { CoreDeps } from '../../core/deps.js';
import type { ModerateJobData } from '../../core/queue/moderation-queue.js';
import type { Site } from '../../core/sites/site-store.js';
import { checks } from '../checks/index.js';
import type { CheckContext, CheckResult } from '../checks/types.js';
import { detectLanguage, LANGUAGE_DETECTOR_VERSION } from '../language/detect-language.js';
import { fingerprint } from '../text/fingerprint.js';
import { normalizeForMatching } from '../text/normalize.js';
import { decideStatus } from './decide-status.js';
import { gatherFacts } from './gather-facts.js';

export interface ModerationDeps extends CoreDeps {
  readonly siteOf: (siteId: string) => Promise<Site | null>;
}

export type ModerationOutcome = 'decided' | 'already_decided' | 'missing';

/**
 * The whole automatic decision for one comment: load, run every check in order, decide, and
 * write once. Runs at least once per comment; a comment no longer pending (a human decided,
 * or this is a repeated job) is left alone.
 */
export async function moderateCommentJob(deps: ModerationDeps, job: ModerateJobData): Promise<ModerationOutcome> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const comment = await getComment(deps, job.siteId, job.commentId);
    if (!comment) return 'missing';
    if (comment.status !== 'pending') return 'already_decided';
    const site = await deps.siteOf(job.siteId);
    if (!site) return 'missing';
    const policy = site.policy;
    const text = normalizeForMatching(comment.body);
    const lang = detectLanguage(comment.body);
    const facts = await gatherFacts(deps, comment, fingerprint(text), policy);
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
    };
    const results = checks.map((check) => check(ctx)).filter((r): r is CheckResult => r !== undefined);
    const decision = decideStatus(results, policy);
    const trace: DecisionTrace = {
      mode: policy.mode,
      thresholds: decision.thresholds,
      checks: Object.fromEntries(checks.map((c) => [c.checkName, c.version])),
      models: {
        language: LANGUAGE_DETECTOR_VERSION,
        ...Object.assign({}, ...checks.map((c) => c.models ?? {})),
      },
    };
    const result = await transitionComment(deps, {
      from: comment,
      to: decision.status,
      changes: {
        lang,
        scores: decision.scores,
        reasons: decision.reasons,
        decision: trace,
        decidedBy: 'auto',
        decidedAt: new Date(deps.now()).toISOString(),
      },
      event: { type: 'comment.decided' },
    });
    if (result.ok) return 'decided';
    if (result.reason === 'missing') return 'missing';
    // conflict: someone changed the comment while we scored it; look again
  }
  return 'already_decided';
}
