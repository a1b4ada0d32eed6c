import { defineCheck } from './define-check.js';

/** Holds a comment with nothing to read once punctuation, emoji and spacing are gone; the server bounds raw length. */
export const length = defineCheck('length', '1', (ctx) => {
  if (ctx.text.tokens.length > 0) return undefined;
  return {
    status: 'held',
    reasons: [
      { check: 'length', code: 'too_short', message: 'No words: only punctuation, emoji or spacing', spans: [] },
    ],
  };
});
