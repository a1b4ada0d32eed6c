import type { Comment } from '../../protocol/comment.js';
import type { DecisionTrace } from '../../protocol/decision.js';
import type { CommentLanguage } from '../../protocol/language.js';
import { transitionComment, type Transition, type TransitionOutcome } from '../../core/comments/comment-transition.js';
import type { CoreDeps } from '../../core/deps.js';
import type { Decision } from '../../core/decision/decide-status.js';
import { countAutoDecision } from '../metrics/worker-metrics.js';

/** Writes an automatic decision once, version-guarded: the one write of the built-in and provider paths. */
export async function writeAutoDecision(
  deps: CoreDeps,
  comment: Comment,
  decision: Decision,
  trace: DecisionTrace,
  lang: CommentLanguage,
  /** The comment's near-same text key (workers/text/text-group.ts), for the held queue's groups. */
  textGroup?: string,
  /** Where the decision's daily statistics go when a batch writes them together (core/stats/stats-batch.ts). */
  statsBatch?: Transition['statsBatch'],
): Promise<TransitionOutcome> {
  const outcome = await transitionComment(deps, {
    from: comment,
    to: decision.status,
    changes: {
      lang,
      scores: decision.scores,
      reasons: decision.reasons,
      decision: trace,
      decidedBy: 'auto',
      autoStatus: decision.status,
      decidedAt: new Date(deps.now()).toISOString(),
      ...(textGroup ? { textGroup } : {}),
    },
    event: { type: 'comment.decided' },
    ...(statsBatch ? { statsBatch } : {}),
  });
  if (outcome.ok) countAutoDecision(decision.status);
  return outcome;
}
