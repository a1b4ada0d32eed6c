import { defineCheck } from './define-check.js';
import type { Reason } from '../../protocol/comment.js';

/** Holds a text the author already posted, and a text several other authors just posted (a campaign). */
export const duplicate = defineCheck('duplicate', '1', (ctx) => {
  const { sameTextSameAuthor24h, sameTextOtherAuthors1h } = ctx.recent;
  const reasons: Reason[] = [];
  if (sameTextSameAuthor24h >= 1) {
    reasons.push({
      check: 'duplicate',
      code: 'duplicate_author',
      message: `The author posted the same text ${sameTextSameAuthor24h} time(s) in the last 24 h`,
      spans: [],
    });
  }
  if (sameTextOtherAuthors1h >= 2) {
    reasons.push({
      check: 'duplicate',
      code: 'duplicate_site',
      message: `${sameTextOtherAuthors1h} other authors posted the same text in the last hour`,
      spans: [],
    });
  }
  return reasons.length > 0 ? { status: 'held', reasons } : undefined;
});
