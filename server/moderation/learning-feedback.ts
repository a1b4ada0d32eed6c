import type { Comment } from '../../protocol/comment.js';
import { LEARN_JOB, labelsOfDecision, learnJobOptions } from '../../core/queue/learning-queue.js';
import type { ServerDeps } from '../server-deps.js';

/**
 * Hands a moderator's decision to the site's adaptation (workers/learning), off the request
 * path. Fire-and-forget: a failure is logged and never fails the moderator's action.
 */
export function queueLesson(deps: Pick<ServerDeps, 'learningQueue' | 'log'>, after: Comment, action: 'approve' | 'reject'): void {
  const labels = labelsOfDecision(action, after.moderatorReason?.code);
  if (!labels) return;
  deps.learningQueue
    .add(
      LEARN_JOB,
      { siteId: after.siteId, commentId: after.id, labels, ...(action === 'reject' && after.moderatorReason ? { reason: after.moderatorReason.code } : {}) },
      learnJobOptions(after.id, after.version),
    )
    .catch((err: unknown) => deps.log.warn({ err: (err as Error).message, commentId: after.id }, 'could not queue a lesson'));
}
