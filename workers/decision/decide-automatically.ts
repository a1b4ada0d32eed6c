import { getComment } from '../../core/comments/comment-store.js';
import type { CommentRef } from '../../core/queue/moderation-queue.js';
import type { StatsBatch } from '../../core/stats/stats-batch.js';
import type { DecisionDeps, DecisionOutcome, ExtraResults, ExtraStage } from './decision-deps.js';
import { gatherFacts } from './gather-facts.js';
import { afterDecision, commentText, factsRequest, judgeComment } from './judge-comment.js';
import { writeAutoDecision, type AutoDecision } from './write-auto-decision.js';

// a concurrent write between our read and our write (a moderator, another job): look again
const MAX_ATTEMPTS = 3;

/**
 * The whole automatic decision of one comment, for the built-in path and the providers' path
 * alike: load it, gather the facts, run every check in order, decide, trace, write once, then
 * track surges. Without `extraStage`, a site that uses outside providers gets the comment handed
 * to the providers queue instead (unless the checks already reject it); with it, the stage's
 * results are merged in and the comment is decided, only at `ref.version` when it is given.
 * Runs at least once per comment: a comment no longer pending (a human decided, a repeated job)
 * is left alone. A batch of comments goes through `decideBatch` (decide-batch.ts), which comes
 * back here for a comment whose write met a concurrent change.
 * @example await decideAutomatically(deps, { siteId, commentId }) // 'decided'
 */
export async function decideAutomatically(
  deps: DecisionDeps,
  ref: CommentRef & { version?: number },
  extraStage?: ExtraStage,
  /** A batch's statistics, written by the caller after the batch (workers/decision/moderate-batch.ts). */
  statsBatch?: StatsBatch,
): Promise<DecisionOutcome> {
  const extra: { results?: ExtraResults } = {}; // asked once, kept across the retries below
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const comment = await getComment(deps, ref.siteId, ref.commentId);
    if (!comment) return 'missing';
    if (comment.status !== 'pending') return 'already_decided';
    // an undo sent it back to pending: its new moderate job brings a fresh decision
    if (ref.version !== undefined && comment.version !== ref.version) return 'stale';
    const site = await deps.siteOf(ref.siteId);
    if (!site) return 'missing';
    const text = commentText(comment);
    const [facts, adaptation] = await Promise.all([
      gatherFacts(deps, factsRequest(comment, text, site)),
      deps.adaptationOf?.(comment.siteId, text.text),
    ]);
    const verdict = await judgeComment(deps, { comment, site, text, facts, adaptation }, extraStage, extra);
    if (verdict.kind === 'deferred') return 'deferred';
    const written = await writeAutoDecision(deps, { ...verdict.auto, ...batchStatsOf(statsBatch, verdict.article) });
    if (written.ok) {
      await afterDecision(deps, verdict, written.comment);
      return 'decided';
    }
    if (written.reason === 'missing') return 'missing';
  }
  return 'already_decided';
}

/** Where a decision's daily statistics go when its batch writes them (the section as read with the facts). */
export const batchStatsOf = (batch: StatsBatch | undefined, article: Record<string, string>): Pick<AutoDecision, 'statsBatch'> =>
  batch ? { statsBatch: { batch, section: article.section || undefined } } : {};
