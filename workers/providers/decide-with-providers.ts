import type { DecisionTrace } from '../../protocol/decision.js';
import { writeAutoDecision } from '../moderation/write-auto-decision.js';
import { getComment } from '../../core/comments/comment-store.js';
import type { ProviderCheckJobData } from '../../core/queue/provider-queue.js';
import type { CheckResult } from '../../protocol/decision.js';
import type { ModerationDeps } from '../moderation/moderate-comment.js';
import { decideStatus } from '../moderation/decide-status.js';
import { effectivePolicy } from '../../core/articles/article-policy.js';
import { trackSurgeAfterDecision } from '../surge/track-surge.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { consultProviders, type Answers } from './consult-providers.js';
import { ProviderError } from './provider-error.js';

export interface ProviderDeps extends ModerationDeps {
  readonly breaker: CircuitBreaker;
}

export interface ProviderAttempt {
  data: ProviderCheckJobData;
  /** No retry follows this attempt: decide with whatever answered (fail open). */
  lastAttempt: boolean;
  /** Keeps the answers of this attempt for the next one. */
  saveAnswers(answered: Answers): Promise<void>;
}

export type ProviderOutcome = 'decided' | 'already_decided' | 'stale' | 'missing';

/**
 * The second half of an automatic decision when a site uses outside providers: ask them,
 * merge their scores into the built-in results (highest score per attribute wins), decide in
 * the one place scores become a status, and write once. A provider that fails on the last
 * attempt, or whose breaker is open, is left out with a `provider_unavailable` reason — a
 * provider outage never blocks a comment.
 */
export async function decideWithProviders(deps: ProviderDeps, attempt: ProviderAttempt): Promise<ProviderOutcome> {
  const { data } = attempt;
  let answers: Answers | undefined;
  let unavailable: CheckResult[] = [];
  for (let round = 0; round < 3; round++) {
    const comment = await getComment(deps, data.siteId, data.commentId);
    if (!comment) return 'missing';
    if (comment.status !== 'pending') return 'already_decided';
    // an undo sent it back to pending: its new moderate job brings fresh results
    if (comment.version !== data.version) return 'stale';
    const site = await deps.siteOf(data.siteId);
    if (!site) return 'missing';
    // the article's own policy and any surge apply here too (one read per decision)
    const article = await deps.redis.hgetall(deps.keys.article(comment.siteId, comment.articleId));
    const { policy, hold } = effectivePolicy(site.policy, article, deps.now());
    if (!answers) {
      const consultation = await consultProviders(deps, policy.providers, { comment, lang: data.lang }, data.answered ?? {});
      if (consultation.failed.length > 0 && !attempt.lastAttempt) {
        await attempt.saveAnswers(consultation.answered);
        throw new ProviderError(consultation.failed.map((f) => f.reason.message).join('; '));
      }
      answers = consultation.answered;
      unavailable = [...consultation.failed, ...consultation.skipped].map((f) => ({ reasons: [f.reason] }));
    }
    const given = Object.values(answers);
    const decision = decideStatus([...data.builtIn, ...given.map((a) => a.result), ...unavailable] as CheckResult[], policy, hold);
    const trace: DecisionTrace = {
      mode: policy.mode,
      thresholds: decision.thresholds,
      checks: data.trace.checks,
      // which providers answered, and with which model
      models: Object.assign({}, data.trace.models, ...given.map((a) => a.models)),
    };
    const result = await writeAutoDecision(deps, comment, decision, trace, data.lang);
    if (result.ok) {
      await trackSurgeAfterDecision(deps, { comment, status: decision.status, policy: site.policy.surge, article });
      return 'decided';
    }
    if (result.reason === 'missing') return 'missing';
    // conflict: a human or another job moved it meanwhile; look again, without asking again
  }
  return 'already_decided';
}
