import { defineCheck } from './define-check.js';

/** Holds an author posting faster than the site allows. */
export const velocity = defineCheck({
  name: 'velocity',
  version: '1',
  codes: ['velocity'],
  run(ctx, reason) {
    const { maxComments, perSeconds } = ctx.policy.velocity;
    const earlier = ctx.recent.authorCommentsInWindow;
    if (earlier < maxComments) return undefined;
    const message = `Comment number ${earlier + 1} within ${perSeconds} s, the site allows ${maxComments}`;
    return { status: 'held', reasons: [reason('velocity', message)] };
  },
});
