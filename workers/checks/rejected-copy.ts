import { defineCheck } from './define-check.js';

/**
 * A near-copy of a comment this site's moderators rejected (MinHash of the normalised text,
 * workers/learning/rejected-texts.ts) is held (or rejected: `policy.learning.copiesOfRejected`),
 * quoting the decision it matches, so a copy-paste does not get in with a word or two changed.
 */
export const rejectedCopy = defineCheck({
  name: 'rejectedCopy',
  version: '1',
  codes: ['copies_rejected'],
  run(ctx, reason) {
    const twin = ctx.adaptation?.rejectedTwin;
    const action = ctx.policy.learning.copiesOfRejected;
    if (!twin || action === 'off') return undefined;
    const similar = `${Math.round(twin.similarity * 100)} %`;
    const message = `Near-copy (${similar} similar) of comment ${twin.commentId}, rejected by a moderator for ${twin.reason} on ${twin.decidedAt.slice(0, 10)}`;
    return { status: action === 'reject' ? 'rejected' : 'held', reasons: [reason('copies_rejected', message, { matches: { commentId: twin.commentId, reason: twin.reason, decidedAt: twin.decidedAt, similarity: twin.similarity } })] };
  },
});
