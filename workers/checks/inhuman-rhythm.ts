import { defineCheck } from './define-check.js';

/**
 * A comment sent sooner after its form opened than a person can write one (the SDK measures
 * it). Held unless the reader is established: a reader known to the site only gets the reason.
 */
export const inhumanRhythm = defineCheck({
  name: 'inhumanRhythm',
  version: '1',
  codes: ['inhuman_rhythm'],
  run(ctx, reason) {
    const composeMs = ctx.arrival?.composeMs;
    const min = ctx.policy.flood.minComposeMs;
    if (composeMs === undefined || composeMs >= min) return undefined;
    const r = reason('inhuman_rhythm', `Sent ${composeMs} ms after the form opened; a person needs at least ${min} ms`);
    return ctx.arrival?.established ? { reasons: [r] } : { status: 'held', reasons: [r] };
  },
});
