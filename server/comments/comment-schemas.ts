import { z } from 'zod';
import { THREAD_SORTS } from '../../protocol/comment.js';
import { articleIdSchema, idSchema } from '../../protocol/id-schemas.js';
import { articleSectionSchema, articleTitleSchema, articleUrlSchema } from '../../core/articles/article.js';

export const MAX_BODY_CHARS = 5000;
export const MAX_AUTHOR_NAME_CHARS = 80;

// NFC first so "é" typed as e + combining accent counts as one character, like the reader sees it
const nfcTrim = (s: string) => s.normalize('NFC').trim();

export const articleParams = z.object({ siteId: idSchema, articleId: articleIdSchema });
export const commentParams = z.object({ siteId: idSchema, commentId: idSchema });

export const postCommentBody = z
  .object({
    body: z.string().overwrite(nfcTrim).min(1).max(MAX_BODY_CHARS),
    author: z.object({ name: z.string().overwrite(nfcTrim).min(1).max(MAX_AUTHOR_NAME_CHARS) }),
    parentId: idSchema.optional(),
    article: z
      .object({ title: articleTitleSchema.optional(), url: articleUrlSchema.optional(), section: articleSectionSchema.optional() })
      .optional()
      .meta({ description: "The article's title, canonical URL and section; kept from the first comment that sends them (a site admin changes them later)." }),
    composeMs: z
      .number()
      .int()
      .min(0)
      .max(86_400_000)
      .optional()
      .meta({ description: 'How long the comment form was open before sending, in ms (the SDK measures it): a flood signal when no person could write that fast.' }),
  })
  .meta({ id: 'NewComment' });

export const listCommentsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: idSchema.optional().meta({ description: 'The id of the last top-level comment of the previous page (`nextCursor`).' }),
  sort: z
    .enum(THREAD_SORTS)
    .default('oldest')
    .meta({ description: 'Order of the top-level comments: `oldest`, `newest`, `replies` (most published replies first) or `reactions` (most liked first); replies stay oldest first.' }),
  featuredFirst: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .meta({ description: "`true`: the newsroom's picks (up to 20, most recently picked first) open the first page and are left out of the rest." }),
});

/** Client-chosen Idempotency-Key header: any printable ASCII, 1..200 characters. */
export const idempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,200}$/);
/** X-Device-Id header made by the SDK: 8..128 URL-safe characters. */
export const deviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,128}$/);
