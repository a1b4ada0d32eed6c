import type { ProviderCheckJobData } from '../../core/queue/provider-queue.js';
import type { CheckResult } from '../../protocol/decision.js';
import type { DecisionDeps, ExtraStage } from '../decision/decision-deps.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { consultProviders, type Answers } from './consult-providers.js';
import { ProviderError } from './provider-error.js';
import { providers } from './providers.js';

export interface ProviderDeps extends DecisionDeps {
  readonly breaker: CircuitBreaker;
}

export interface ProviderAttempt {
  data: ProviderCheckJobData;
  /** No retry follows this attempt: decide with whatever answered (fail open). */
  lastAttempt: boolean;
  /** Keeps the answers of this attempt for the next one. */
  saveAnswers(answered: Answers): Promise<void>;
}

/**
 * The providers' stage of an automatic decision: asks every provider the site enabled, each
 * behind its circuit breaker, and returns what they said as check results (their scores merge
 * with the built-in ones, highest per attribute wins) with their models for the trace. A
 * provider that fails on the last attempt, or whose breaker is open, is left out with a
 * `provider_unavailable` reason — a provider outage never blocks a comment.
 * @throws ProviderError when a provider failed and another attempt follows (its answers are kept)
 */
export function providerStage(deps: ProviderDeps, attempt: ProviderAttempt): ExtraStage {
  return async (comment, ctx) => {
    const consultation = await consultProviders(deps, ctx.policy.providers, { comment, lang: ctx.lang }, attempt.data.answered ?? {});
    if (consultation.failed.length > 0 && !attempt.lastAttempt) {
      await attempt.saveAnswers(consultation.answered);
      throw new ProviderError(consultation.failed.map((f) => f.reason.message).join('; '));
    }
    // in the providers' order, whichever answered first
    const given = providers.flatMap((p) => consultation.answered[p.name] ?? []);
    const unavailable: CheckResult[] = [...consultation.failed, ...consultation.skipped].map((f) => ({ reasons: [f.reason] }));
    return {
      results: [...given.map((a) => a.result), ...unavailable],
      // which providers answered, and with which model
      models: Object.assign({}, ...given.map((a) => a.models)),
    };
  };
}
