import { REJECTION_CODES, type RejectionCode, type Comment, type ModeratorReason } from '../../protocol/comment.js';
import type { CommentStatus } from '../../protocol/comment-status.js';
import type { AuditActor } from '../../core/audit/audit-log.js';
import { requireComment } from '../../core/comments/comment-store.js';
import { transitionComment, type Transition } from '../../core/comments/comment-transition.js';
import { errors } from '../../core/errors.js';
import type { ServerDeps } from '../server-deps.js';
import { queueLesson } from './learning-feedback.js';
import { queueAkismetFeedback } from './provider-feedback.js';

export type ModerationAction = 'approve' | 'reject';

/** A rejection reason as clients send it: a code, free text, or both. */
export type ReasonInput = string | { code: RejectionCode; note?: string | undefined } | undefined;

export interface ModerationCommand {
  siteId: string;
  commentId: string;
  action: ModerationAction;
  actor: AuditActor;
  /** The version the moderator saw; a stale one is refused with 409 conflict. */
  version?: number | undefined;
  /** For reject: shown to the author. */
  reason?: ReasonInput;
}

/** A human decision can be undone for this long. */
export const UNDO_WINDOW_MS = 10 * 60 * 1000;
// a concurrent write between our read and our script: read again, unless the caller pinned a version
const MAX_ATTEMPTS = 3;

/**
 * Applies a change built from the current comment, retrying on a concurrent write unless the
 * caller pinned the version it decided on.
 */
async function withFreshComment(
  deps: ServerDeps,
  siteId: string,
  commentId: string,
  version: number | undefined,
  build: (current: Comment) => Transition,
): Promise<Comment> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await requireComment(deps, siteId, commentId);
    if (version !== undefined && version !== current.version) throw errors.conflict(current);
    const result = await transitionComment(deps, build(current));
    if (result.ok) return result.comment;
    if (result.reason === 'missing') return requireComment(deps, siteId, commentId); // 404
    if (version !== undefined) break;
  }
  throw errors.conflict(await requireComment(deps, siteId, commentId));
}

/**
 * A moderator's decision, whatever the transport (REST, socket, bulk): one atomic transition
 * with a `comment.moderated` event, an audit entry and a 10-minute undo window; it also
 * resolves the comment's open reader reports; on a site using Akismet it also queues feedback.
 */
export async function applyModeratorDecision(deps: ServerDeps, cmd: ModerationCommand): Promise<Comment> {
  let before: Comment | undefined;
  const after = await withFreshComment(deps, cmd.siteId, cmd.commentId, cmd.version, (from) => {
    before = from;
    const to: CommentStatus = cmd.action === 'approve' ? 'approved' : 'rejected';
    const now = deps.now();
    const moderatorReason = cmd.action === 'reject' ? toModeratorReason(cmd.reason) : undefined;
    return {
      from,
      to,
      changes: {
        decidedBy: cmd.actor.id,
        decidedAt: new Date(now).toISOString(),
        ...(moderatorReason ? { moderatorReason } : {}),
        undo: {
          previousStatus: from.status,
          version: from.version + 1,
          moderatorId: cmd.actor.id,
          until: new Date(now + UNDO_WINDOW_MS).toISOString(),
        },
      },
      event: { type: 'comment.moderated', action: cmd.action, moderatorId: cmd.actor.id },
      resolvesReports: true,
      audit: {
        at: new Date(now).toISOString(),
        actor: cmd.actor,
        action: `comment.${cmd.action}`,
        target: { type: 'comment', id: from.id, articleId: from.articleId },
        before: { status: from.status, version: from.version },
        after: { status: to, version: from.version + 1, ...(moderatorReason ? { reason: moderatorReason } : {}) },
      },
    };
  });
  // the decision also teaches Akismet and the site's own adaptation, off the request path
  if (before && after.version === before.version + 1) {
    deps.metrics.countHumanDecision(after.status);
    queueAkismetFeedback(deps, before, after);
    queueLesson(deps, after, cmd.action);
  }
  return after;
}

/** Restores the status before the last human decision, within 10 minutes and if nothing changed since. */
export async function undoDecision(
  deps: ServerDeps,
  cmd: { siteId: string; commentId: string; actor: AuditActor },
): Promise<Comment> {
  const current = await requireComment(deps, cmd.siteId, cmd.commentId);
  const undo = current.undo;
  if (!undo || Date.parse(undo.until) < deps.now()) {
    throw errors.undoUnavailable();
  }
  const restored = await withFreshComment(deps, cmd.siteId, cmd.commentId, undo.version, (from) => ({
    from,
    to: undo.previousStatus,
    changes: { undo: null, decidedBy: cmd.actor.id, decidedAt: new Date(deps.now()).toISOString() },
    event: { type: 'comment.moderated', action: 'undo', moderatorId: cmd.actor.id },
    audit: {
      at: new Date(deps.now()).toISOString(),
      actor: cmd.actor,
      action: 'comment.undo',
      target: { type: 'comment', id: from.id, articleId: from.articleId },
      before: { status: from.status, version: from.version },
      after: { status: undo.previousStatus, version: from.version + 1 },
    },
  }));
  // back to pending means back to the pipeline
  if (restored.status === 'pending') await deps.enqueuer.enqueue({ siteId: restored.siteId, commentId: restored.id });
  return restored;
}

export function toModeratorReason(reason: ReasonInput): ModeratorReason {
  if (reason === undefined) return { code: 'other' };
  if (typeof reason === 'object') {
    const note = reason.note?.trim();
    return { code: reason.code, ...(note ? { note: note.slice(0, 1000) } : {}) };
  }
  const trimmed = reason.trim();
  if ((REJECTION_CODES as readonly string[]).includes(trimmed)) return { code: trimmed as RejectionCode };
  return { code: 'other', ...(trimmed ? { note: trimmed.slice(0, 1000) } : {}) };
}
