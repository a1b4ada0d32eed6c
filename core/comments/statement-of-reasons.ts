import type { Comment } from '../../protocol/comment.js';
import type { Reason } from '../../protocol/reason.js';
import type { StatementGround, StatementOfReasons } from '../../protocol/statement.js';

const RESTRICTION = { rejected: 'removed', held: 'held', approved: 'none', pending: 'pending' } as const;

/**
 * The statement of reasons of a comment, a projection of what its decision stored: the reasons
 * of each check with the words they point at, each threshold reached with its figures and the
 * model whose score reached it, the versions used, and the moderator's reason when a person decided.
 */
export function statementOfReasons(c: Comment): StatementOfReasons {
  const human = c.decidedBy !== undefined && c.decidedBy !== 'auto';
  return {
    commentId: c.id,
    articleId: c.articleId,
    status: c.status,
    restriction: RESTRICTION[c.status],
    postedAt: c.createdAt,
    decidedAt: c.decidedAt ?? null,
    decidedBy: c.decidedBy === undefined ? null : human ? 'moderator' : 'automated',
    automatedMeans: c.decision !== undefined || c.decidedBy === 'auto',
    grounds: (c.reasons ?? []).map((r) => groundOf(c, r)),
    ...(human && c.moderatorReason ? { moderatorReason: c.moderatorReason } : {}),
    ...(c.decision ? { policy: { mode: c.decision.mode, thresholds: c.decision.thresholds } } : {}),
    models: Object.entries(c.decision?.models ?? {}).map(([id, version]) => ({ id, version })),
  };
}

function groundOf(c: Comment, r: Reason): StatementGround {
  const checkVersion = c.decision?.checks[r.check];
  return {
    check: r.check,
    ...(checkVersion ? { checkVersion } : {}),
    code: r.code,
    message: r.message,
    spans: r.spans,
    excerpts: r.spans.map((s) => c.body.slice(s.start, s.end)),
    ...(r.threshold ? { attribute: r.threshold.attribute, step: r.threshold.step, threshold: r.threshold.threshold, score: r.threshold.score } : {}),
    ...(r.model ? { models: [r.model] } : {}),
  };
}
