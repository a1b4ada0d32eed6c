import type { Comment } from '../../protocol/comment.js';
import { getComment } from '../../core/comments/comment-store.js';
import { transitionComment } from '../../core/comments/comment-transition.js';
import type { CoreDeps } from '../../core/deps.js';
import { countAutoDecision } from '../metrics/worker-metrics.js';
import { reasonSource } from '../../protocol/reason.js';

/** The reason of a comment the pipeline could not decide. */
export const pipelineReasons = reasonSource('pipeline', ['check_failed']);

/**
 * The last resort when scoring keeps failing: the comment is held with reason `check_failed`
 * so a human decides; it is never lost and never published unchecked.
 */
export async function holdForHuman(deps: CoreDeps, siteId: string, commentId: string, error: string): Promise<Comment | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const from = await getComment(deps, siteId, commentId);
    if (!from || from.status !== 'pending') return null; // decided meanwhile, nothing to do
    const result = await transitionComment(deps, {
      from,
      to: 'held',
      changes: {
        reasons: [pipelineReasons.reason('check_failed', `Automatic checks failed (${error.slice(0, 200)}); a moderator must decide.`)],
        decidedBy: 'auto',
        decidedAt: new Date(deps.now()).toISOString(),
      },
      event: { type: 'comment.decided' },
    });
    if (result.ok) {
      countAutoDecision('held');
      return result.comment;
    }
  }
  return null;
}
