import { defineCheck } from './define-check.js';

/** Holds an author posting faster than the site allows. */
export const velocity = defineCheck('velocity', '1', (ctx) => {
  const { maxComments, perSeconds } = ctx.policy.velocity;
  const earlier = ctx.recent.authorCommentsInWindow;
  if (earlier < maxComments) return undefined;
  return {
    status: 'held',
    reasons: [
      {
        check: 'velocity',
        code: 'velocity',
        message: `Comment number ${earlier + 1} within ${perSeconds} s, the site allows ${maxComments}`,
        spans: [],
      },
    ],
  };
});
