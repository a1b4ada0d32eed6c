import { defineCheck } from './define-check.js';

/**
 * A reader not yet established who writes from an address (or its /24) seeing many new device
 * ids at once: a bot that takes a new device id for each comment. A brand-new reader is held
 * unless the SDK measured a human composing time; behind a carrier's shared address real
 * readers do send one, a script posting to the API does not.
 */
export const deviceFlood = defineCheck({
  name: 'deviceFlood',
  version: '1',
  codes: ['device_flood'],
  run(ctx, reason) {
    const arrival = ctx.arrival;
    if (!arrival?.deviceFlood || arrival.established) return undefined;
    const where = arrival.deviceFlood === 'address' ? 'its address' : 'its /24';
    const r = reason('device_flood', `New reader: ${arrival.newDevices ?? 'many'} new device ids from ${where} in the flood window`);
    const human = arrival.composeMs !== undefined && arrival.composeMs >= ctx.policy.flood.minComposeMs;
    return arrival.newReader && !human ? { status: 'held', reasons: [r] } : { reasons: [r] };
  },
});
