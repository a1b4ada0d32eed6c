import { defineCheck } from './define-check.js';

/** Holds an author's comments until a human has approved one, when the site asks for it. */
export const newAuthor = defineCheck('newAuthor', '1', (ctx) => {
  if (!ctx.policy.holdFirstComments || ctx.author.approved > 0) return undefined;
  return {
    status: 'held',
    reasons: [
      { check: 'newAuthor', code: 'first_comment', message: 'No approved comment from this author yet', spans: [] },
    ],
  };
});
