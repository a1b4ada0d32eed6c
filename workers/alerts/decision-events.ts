import { commentEventData } from '../../core/alerts/comment-event-data.js';
import { articleRefOf } from '../../core/articles/article.js';
import type { Policy } from '../../core/sites/policy.js';
import type { Comment } from '../../protocol/comment.js';
import { raiseAlertOrLog, type SurgeDeps } from '../surge/surge-deps.js';

/**
 * The per-comment webhooks of an automatic decision: `comment.held` when the checks hold it,
 * `comment.severe` when its severe-harm score reaches the site's hold threshold (held or
 * rejected). Raising reads the cached site first: a site with no webhook for them costs nothing.
 * Ids are the comment's, so a job run twice delivers once.
 */
export async function raiseDecisionEvents(
  deps: SurgeDeps,
  input: { comment: Comment; article: Record<string, string>; policy: Policy },
): Promise<void> {
  const { comment: c, policy } = input;
  const severe = c.scores?.severe;
  const isHeld = c.status === 'held';
  const isSevere = severe !== undefined && severe >= policy.thresholds.severe.hold;
  if (!isHeld && !isSevere) return;
  const article = articleRefOf({ id: c.articleId, title: input.article.title, url: input.article.url, section: input.article.section });
  const data = commentEventData(c, article);
  const occurredAt = Date.parse(c.decidedAt ?? '') || deps.now();
  if (isHeld) await raiseAlertOrLog(deps, c.siteId, { type: 'comment.held', id: `held-${c.id}-${c.version}`, occurredAt, data });
  if (isSevere) {
    const categories = [...new Set((c.reasons ?? []).flatMap((r) => (r.category ? [r.category] : [])))];
    await raiseAlertOrLog(deps, c.siteId, {
      type: 'comment.severe',
      id: `severe-${c.id}-${c.version}`,
      occurredAt,
      data: { ...data, severe, threshold: policy.thresholds.severe.hold, categories },
    });
  }
}
