import { defineCheck } from './define-check.js';

/** Holds an author's comments until a human has approved one, when the site asks for it. */
export const newAuthor = defineCheck({
  name: 'newAuthor',
  version: '1',
  codes: ['first_comment'],
  run(ctx, reason) {
    if (!ctx.policy.holdFirstComments || ctx.author.approved > 0) return undefined;
    return { status: 'held', reasons: [reason('first_comment', 'No approved comment from this author yet')] };
  },
});
