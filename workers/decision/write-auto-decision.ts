import type { Comment } from '../../protocol/comment.js';
import type { DecisionTrace } from '../../protocol/decision.js';
import type { CommentLanguage } from '../../protocol/language.js';
import { transitionComment, transitionComments, type Transition, type TransitionOutcome } from '../../core/comments/comment-transition.js';
import type { CoreDeps } from '../../core/deps.js';
import type { Decision } from '../../core/decision/decide-status.js';
import { countAutoDecision } from '../metrics/worker-metrics.js';

/** An automatic decision ready to be written on the comment as it was read. */
export interface AutoDecision {
  comment: Comment;
  decision: Decision;
  trace: DecisionTrace;
  lang: CommentLanguage;
  /** The comment's near-same text key (workers/text/text-group.ts), for the held queue's groups. */
  textGroup?: string;
  /** Where the decision's daily statistics go when a batch writes them together (core/stats/stats-batch.ts). */
  statsBatch?: Transition['statsBatch'];
}

/** Writes an automatic decision once, version-guarded: the one write of the built-in and provider paths. */
export async function writeAutoDecision(deps: CoreDeps, auto: AutoDecision): Promise<TransitionOutcome> {
  return counted(auto, await transitionComment(deps, autoTransition(deps, auto)));
}

/**
 * `writeAutoDecision` for the decisions of a batch (one site) in one pipelined round trip; each is
 * version-guarded on its own and an item is its outcome, or the error of its write alone.
 */
export async function writeAutoDecisions(deps: CoreDeps, autos: readonly AutoDecision[]): Promise<Array<TransitionOutcome | Error>> {
  const outcomes = await transitionComments(deps, autos.map((auto) => autoTransition(deps, auto)));
  return outcomes.map((outcome, i) => (outcome instanceof Error ? outcome : counted(autos[i]!, outcome)));
}

function counted(auto: AutoDecision, outcome: TransitionOutcome): TransitionOutcome {
  if (outcome.ok) countAutoDecision(auto.decision.status);
  return outcome;
}

function autoTransition(deps: CoreDeps, auto: AutoDecision): Transition {
  const { decision } = auto;
  return {
    from: auto.comment,
    to: decision.status,
    changes: {
      lang: auto.lang,
      scores: decision.scores,
      reasons: decision.reasons,
      decision: auto.trace,
      decidedBy: 'auto',
      autoStatus: decision.status,
      decidedAt: new Date(deps.now()).toISOString(),
      ...(auto.textGroup ? { textGroup: auto.textGroup } : {}),
    },
    event: { type: 'comment.decided' },
    ...(auto.statsBatch ? { statsBatch: auto.statsBatch } : {}),
  };
}
