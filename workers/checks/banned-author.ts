import { defineCheck } from './define-check.js';

/** Rejects comments from banned authors and holds those of authors a moderator put on pre-moderation. */
export const bannedAuthor = defineCheck('bannedAuthor', '1', (ctx) => {
  if (ctx.author.banned) {
    return {
      status: 'rejected',
      reasons: [
        { check: 'bannedAuthor', code: 'author_banned', message: 'The author is banned on this site', spans: [] },
      ],
    };
  }
  if (ctx.author.premoderated) {
    return {
      status: 'held',
      reasons: [
        {
          check: 'bannedAuthor',
          code: 'author_premoderated',
          message: 'Every comment of this author is reviewed',
          spans: [],
        },
      ],
    };
  }
  return undefined;
});
