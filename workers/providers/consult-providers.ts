import { reasonSource, type Reason } from '../../protocol/reason.js';
import type { ProviderAnswer, ProviderName } from '../../core/queue/provider-queue.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { isProviderError } from './provider-error.js';
import { providers, type ProviderCall } from './providers.js';
import type { ProvidersPolicy } from '../../core/sites/provider-policy.js';

export type Answers = Partial<Record<ProviderName, ProviderAnswer>>;

export interface Consultation {
  answered: Answers;
  /** Providers that failed this time (they may be retried). */
  failed: Array<{ name: ProviderName; reason: Reason }>;
  /** Providers skipped because their breaker is open (never retried in this job). */
  skipped: Array<{ name: ProviderName; reason: Reason }>;
}

/** The reason of a provider left out of a decision (the comment is decided without it). */
export const providerReasons = reasonSource('provider', ['provider_unavailable']);
const unavailable = (label: string, why: string) => providerReasons.reason('provider_unavailable', `${label} did not answer: ${why}`);

/**
 * Asks every provider the site enabled and has not answered yet, in parallel, each behind its
 * circuit breaker. Only ProviderErrors count against a breaker; anything else is our bug and
 * is thrown.
 */
export async function consultProviders(
  deps: { breaker: CircuitBreaker },
  policy: ProvidersPolicy,
  call: ProviderCall,
  earlier: Answers,
): Promise<Consultation> {
  const out: Consultation = { answered: { ...earlier }, failed: [], skipped: [] };
  const siteId = call.comment.siteId;
  const pending = providers.filter((p) => p.enabled(policy) && !earlier[p.name]);
  await Promise.all(
    pending.map(async (p) => {
      const permit = await deps.breaker.permit(siteId, p.name);
      if (permit === 'open') {
        out.skipped.push({ name: p.name, reason: unavailable(p.label, 'circuit breaker open after repeated failures') });
        return;
      }
      try {
        out.answered[p.name] = await p.classify(policy, call);
        await deps.breaker.succeeded(siteId, p.name);
      } catch (err) {
        if (!isProviderError(err)) throw err;
        await deps.breaker.failed(siteId, p.name, permit);
        out.failed.push({ name: p.name, reason: unavailable(p.label, err.message) });
      }
    }),
  );
  return out;
}
