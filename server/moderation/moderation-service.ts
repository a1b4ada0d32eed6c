import { REJECTION_CODES, type RejectionCode } from '../../client-sdk/src/comment-types.js';
import type { Comment, ModeratorReason } from '../../core/comments/comment.js';
import { requireComment } from '../../core/comments/comment-store.js';
import { conflictError, transitionComment } from '../../core/comments/comment-transition.js';
import type { CoreDeps } from '../../core/deps.js';
import { errors } from '../../core/errors.js';

export type ModerationAction = 'approve' | 'reject';

export interface ModerationCommand {
  siteId: string;
  commentId: string;
  action: ModerationAction;
  /** Moderator id, or `admin` for the admin token. */
  moderatorId: string;
  /** The version the moderator saw; a stale one is refused with 409 conflict. */
  version?: number | undefined;
  /** For reject: a code (spam, abuse, off_topic, illegal, other) or free text. */
  reason?: string | undefined;
}

// a concurrent write between our read and our script: read again, unless the caller pinned a version
const MAX_ATTEMPTS = 3;

/**
 * A moderator's decision, whatever the transport (REST or socket): one atomic transition with
 * a `comment.moderated` event. Deciding what is already decided is a no-op that still answers.
 */
export async function moderateComment(deps: CoreDeps, cmd: ModerationCommand): Promise<Comment> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const from = await requireComment(deps, cmd.siteId, cmd.commentId);
    if (cmd.version !== undefined && cmd.version !== from.version) throw conflictError(from);
    const to = cmd.action === 'approve' ? 'approved' : 'rejected';
    const now = new Date(deps.now()).toISOString();
    const moderatorReason = cmd.action === 'reject' ? toModeratorReason(cmd.reason) : undefined;
    const result = await transitionComment(deps, {
      from,
      to,
      changes: {
        decidedBy: cmd.moderatorId,
        decidedAt: now,
        ...(moderatorReason ? { moderatorReason } : {}),
      },
      event: { type: 'comment.moderated', action: cmd.action, moderatorId: cmd.moderatorId },
    });
    if (result.ok) return result.comment;
    if (result.reason === 'missing') throw errors.commentNotFound();
    if (cmd.version !== undefined) throw conflictError(await requireComment(deps, cmd.siteId, cmd.commentId));
  }
  throw conflictError(await requireComment(deps, cmd.siteId, cmd.commentId));
}

export function toModeratorReason(reason: string | undefined): ModeratorReason {
  if (!reason) return { code: 'other' };
  const trimmed = reason.trim();
  if ((REJECTION_CODES as readonly string[]).includes(trimmed)) return { code: trimmed as RejectionCode };
  return { code: 'other', note: trimmed.slice(0, 500) };
}
