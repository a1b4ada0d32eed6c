import type { Comment } from '../../protocol/comment.js';
import {
  PROVIDER_FEEDBACK_JOB,
  providerFeedbackJobOptions,
  type ProviderFeedbackJobData,
} from '../../core/queue/provider-queue.js';
import { getSite } from '../../core/sites/site-store.js';
import type { ServerDeps } from '../server-deps.js';

/**
 * What Akismet should learn from a moderator's decision, following its guidance: submit-ham
 * for a false positive (Akismet said spam, a human approved), submit-spam for a missed spam
 * (a human rejected as spam what Akismet let through). Agreement teaches it nothing.
 */
export function akismetVerdictFor(before: Comment, after: Comment): ProviderFeedbackJobData['verdict'] | undefined {
  const flagged = (before.reasons ?? []).some((r) => r.code === 'akismet_spam');
  if (after.status === 'approved') return flagged ? 'ham' : undefined;
  if (after.status === 'rejected' && after.moderatorReason?.code === 'spam') return flagged ? undefined : 'spam';
  return undefined;
}

/**
 * Queues Akismet feedback for a moderator's decision when the site uses Akismet.
 * Fire-and-forget: a failure is logged and never fails the moderator's action.
 */
export function queueAkismetFeedback(deps: ServerDeps, before: Comment, after: Comment): void {
  const verdict = akismetVerdictFor(before, after);
  if (!verdict) return;
  void (async () => {
    const site = await getSite(deps, after.siteId);
    if (!site?.policy.providers.akismet?.enabled) return;
    await deps.providerQueue.add(
      PROVIDER_FEEDBACK_JOB,
      { siteId: after.siteId, commentId: after.id, verdict },
      providerFeedbackJobOptions(after.id, after.version),
    );
  })().catch((err: unknown) =>
    deps.log.warn({ err: (err as Error).message, commentId: after.id }, 'could not queue Akismet feedback'),
  );
}
