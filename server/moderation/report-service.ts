import type { ReportReason } from '../../protocol/comment.js';
import { requireComment } from '../../core/comments/comment-store.js';
import { transitionComment } from '../../core/comments/comment-transition.js';
import { addReport } from '../../core/comments/reports.js';
import { errors } from '../../core/errors.js';
import { appendSiteEvent } from '../../core/events/append-event.js';
import type { Site } from '../../core/sites/site-store.js';
import type { ServerDeps } from '../server-deps.js';
import { reasonSource } from '../../protocol/reason.js';

/**
 * A reader's report. The comment enters the reported queue (even when approved); once it has
 * `policy.autoHideAfterReports` reports an approved comment goes back to held until a
 * moderator decides. Returns false for a repeated report by the same reader.
 */
/** The reason a comment hidden by its readers' reports carries. */
export const readerReports = reasonSource('readerReports', ['reported']);

export async function reportComment(
  deps: ServerDeps,
  site: Site,
  input: { commentId: string; readerId: string; reason: ReportReason; note?: string | undefined },
): Promise<boolean> {
  const comment = await requireComment(deps, site.id, input.commentId);
  // readers only ever see approved comments; anything else does not exist for them
  if (comment.status !== 'approved') throw errors.commentNotFound();
  const { count } = await addReport(deps, { ...input, siteId: site.id, authorId: comment.author.id });
  if (count === null) return false;
  await appendSiteEvent(deps, { type: 'comment.reported', comment, reason: input.reason, reportCount: count });
  if (count >= site.policy.autoHideAfterReports) {
    const now = new Date(deps.now()).toISOString();
    const hidden = await transitionComment(deps, {
      from: comment,
      to: 'held',
      changes: {
        reasons: [
          ...(comment.reasons ?? []),
          readerReports.reason('reported', `Hidden after ${count} reader reports.`),
        ],
        decidedBy: 'auto',
        decidedAt: now,
      },
      event: { type: 'comment.decided' },
      audit: {
        at: now,
        actor: { kind: 'system', id: 'auto-hide' },
        action: 'comment.auto_hide',
        target: { type: 'comment', id: comment.id, articleId: comment.articleId },
        before: { status: 'approved', version: comment.version },
        after: { status: 'held', version: comment.version + 1, reports: count },
      },
    }); // a conflict means a moderator acted meanwhile: their decision stands
    if (hidden.ok) deps.metrics.countAutoDecision('held');
  }
  return true;
}
