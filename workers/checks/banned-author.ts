import { defineCheck } from './define-check.js';

/** Rejects comments from banned authors and holds those of authors a moderator put on pre-moderation. */
export const bannedAuthor = defineCheck({
  name: 'bannedAuthor',
  version: '1',
  codes: ['author_banned', 'author_premoderated'],
  run(ctx, reason) {
    if (ctx.author.banned) {
      return { status: 'rejected', reasons: [reason('author_banned', 'The author is banned on this site')] };
    }
    if (ctx.author.premoderated) {
      return { status: 'held', reasons: [reason('author_premoderated', 'Every comment of this author is reviewed')] };
    }
    return undefined;
  },
});
