import { defineCheck } from './define-check.js';

/** Holds a comment with nothing to read once punctuation, emoji and spacing are gone; the server bounds raw length. */
export const length = defineCheck({
  name: 'length',
  version: '1',
  codes: ['too_short'],
  run(ctx, reason) {
    if (ctx.text.tokens.length > 0) return undefined;
    return { status: 'held', reasons: [reason('too_short', 'No words: only punctuation, emoji or spacing')] };
  },
});
