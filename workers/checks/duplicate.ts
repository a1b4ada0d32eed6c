import { defineCheck } from './define-check.js';

/** Holds a text the author already posted, and a text several other authors just posted (a campaign). */
export const duplicate = defineCheck({
  name: 'duplicate',
  version: '1',
  codes: ['duplicate_author', 'duplicate_site'],
  run(ctx, reason) {
    const { sameTextSameAuthor24h, sameTextOtherAuthors1h } = ctx.recent;
    const reasons = [
      sameTextSameAuthor24h >= 1 &&
        reason('duplicate_author', `The author posted the same text ${sameTextSameAuthor24h} time(s) in the last 24 h`),
      sameTextOtherAuthors1h >= 2 &&
        reason('duplicate_site', `${sameTextOtherAuthors1h} other authors posted the same text in the last hour`),
    ].filter((r) => r !== false);
    return reasons.length > 0 ? { status: 'held', reasons } : undefined;
  },
});
