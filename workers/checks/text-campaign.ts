import { defineCheck } from './define-check.js';

/**
 * The same or near-same text from many authors within the hour (exact fingerprint, or the
 * same words in any order: `textGroup`): a campaign, held for a human whoever posts it.
 */
export const textCampaign = defineCheck({
  name: 'textCampaign',
  version: '1',
  codes: ['text_campaign'],
  run(ctx, reason) {
    const authors = 1 + Math.max(ctx.recent.sameTextOtherAuthors1h, ctx.recent.sameGroupOtherAuthors1h);
    if (authors < ctx.policy.flood.textCampaignAuthors) return undefined;
    return { status: 'held', reasons: [reason('text_campaign', `${authors} authors posted this or a near-identical text in the last hour`)] };
  },
});
