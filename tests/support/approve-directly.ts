import { requireComment } from '../../core/comments/comment-store.js';
import { transitionComment } from '../../core/comments/comment-transition.js';
import type { CoreDeps } from '../../core/deps.js';

/** Approves a comment through the one transition path, as a moderator would. */
export async function approveDirectly(deps: CoreDeps, siteId: string, commentId: string): Promise<void> {
  const from = await requireComment(deps, siteId, commentId);
  const r = await transitionComment(deps, {
    from,
    to: 'approved',
    changes: { decidedBy: 'test-moderator', decidedAt: new Date().toISOString() },
    event: { type: 'comment.moderated', action: 'approve', moderatorId: 'test-moderator' },
  });
  if (!r.ok) throw new Error(`approve failed: ${r.reason}`);
}
