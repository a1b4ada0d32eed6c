import type { ReportReason } from '../../protocol/comment.js';
import { requireComment } from '../../core/comments/comment-store.js';
import { transitionComment } from '../../core/comments/comment-transition.js';
import { addReport } from '../../core/comments/reports.js';
import { errors } from '../../core/errors.js';
import { appendSiteEvent } from '../../core/events/append-event.js';
import type { Site } from '../../core/sites/site-store.js';
import type { ServerDeps } from '../server-deps.js';
import { reasonSource } from '../../protocol/reason.js';
import { raiseSiteAlert, type SiteAlert } from '../../core/alerts/raise-alert.js';
import { commentEventData } from '../../core/alerts/comment-event-data.js';
import { articleRefs } from '../../core/articles/article-store.js';
import type { Comment } from '../../protocol/comment.js';

/** A report's webhooks (`comment.reported`, and `comment.held` when readers hid it): raised after the report is stored, a failure only logged. */
async function raiseReportEvents(deps: ServerDeps, site: Site, comment: Comment, alerts: Array<Omit<SiteAlert, 'data'> & { data?: Record<string, unknown> }>): Promise<void> {
  const wanted = alerts.filter((a) => Object.values(site.policy.alerts.webhooks).some((w) => w?.enabled && w.events.includes(a.type)));
  if (wanted.length === 0) return; // the usual case: nobody subscribed, nothing read or written
  try {
    const refs = await articleRefs(deps, site.id, [comment.articleId]);
    const data = commentEventData(comment, refs[comment.articleId]);
    for (const a of wanted) await raiseSiteAlert({ ...deps, siteOf: deps.sites.get }, site.id, { ...a, data: { ...data, ...a.data } });
  } catch (err) {
    deps.log.warn({ siteId: site.id, commentId: comment.id, err: (err as Error).message }, 'could not raise the report webhooks');
  }
}

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
  const reported = { type: 'comment.reported' as const, id: `reported-${comment.id}-${count}`, data: { reason: input.reason, reportCount: count } };
  if (count < site.policy.autoHideAfterReports) {
    await raiseReportEvents(deps, site, comment, [reported]);
    return true;
  }
  const hidden = await hideAfterReports(deps, comment, count);
  const held = hidden ? [{ type: 'comment.held' as const, id: `held-${comment.id}-${hidden.version}`, data: { hiddenByReports: count } }] : [];
  await raiseReportEvents(deps, site, hidden ?? comment, [reported, ...held]);
  return true;
}

/** Enough readers reported it: the comment goes back to held until a moderator decides; null when a moderator acted meanwhile. */
async function hideAfterReports(deps: ServerDeps, comment: Comment, count: number): Promise<Comment | null> {
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
  if (!hidden.ok) return null;
  deps.metrics.countAutoDecision('held');
  return hidden.comment;
}
