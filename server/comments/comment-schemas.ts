import { z } from 'zod';
import { articleIdSchema, idSchema } from '../http/common-schemas.js';
import { articleTitleSchema, articleUrlSchema } from '../../core/articles/article.js';

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
      .object({ title: articleTitleSchema.optional(), url: articleUrlSchema.optional() })
      .optional()
      .meta({ description: "The article's title and canonical URL; kept from the first comment that sends them." }),
  })
  .meta({ id: 'NewComment' });

export const listCommentsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: idSchema.optional(),
});

/** Client-chosen Idempotency-Key header: any printable ASCII, 1..200 characters. */
export const idempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,200}$/);
/** X-Device-Id header made by the SDK: 8..128 URL-safe characters. */
export const deviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,128}$/);

const statusSchema = z.enum(['pending', 'approved', 'held', 'rejected']);
const authorSchema = z.object({ id: z.string(), name: z.string() });

export const publicCommentSchema = z
  .object({
    id: z.string(),
    siteId: z.string(),
    articleId: z.string(),
    parentId: z.string().nullable(),
    author: authorSchema,
    body: z.string().meta({ description: 'Plain text as written. Render with textContent, never as HTML.' }),
    status: statusSchema,
    createdAt: z.string().meta({ description: 'ISO 8601.' }),
    get replies() {
      return z.array(publicCommentSchema).optional();
    },
  })
  .meta({ id: 'PublicComment' });

const spanSchema = z.object({ start: z.number().int(), end: z.number().int() });

export const commentSchema = z
  .object({
    id: z.string(),
    siteId: z.string(),
    articleId: z.string(),
    parentId: z.string().nullable(),
    author: authorSchema,
    body: z.string(),
    status: statusSchema,
    createdAt: z.string(),
    version: z.number().int().meta({ description: 'Grows with every change of the comment.' }),
    lang: z.string().optional(),
    scores: z.record(z.string(), z.number()).optional(),
    reasons: z
      .array(
        z.object({ check: z.string(), code: z.string(), message: z.string(), spans: z.array(spanSchema), attribute: z.string().optional() }),
      )
      .optional(),
    decision: z.record(z.string(), z.unknown()).optional(),
    decidedBy: z.string().optional(),
    decidedAt: z.string().optional(),
    moderatorReason: z.object({ code: z.string(), note: z.string().optional() }).optional(),
    undo: z
      .object({ previousStatus: statusSchema, version: z.number(), moderatorId: z.string(), until: z.string() })
      .optional()
      .meta({ description: 'The last human decision can be undone until `until`.' }),
    reportCount: z.number().optional(),
    reports: z
      .object({
        total: z.number(),
        byReason: z.record(z.string(), z.number()),
        notes: z.array(z.object({ reason: z.string(), note: z.string(), at: z.string() })),
      })
      .optional()
      .meta({ description: 'Reader reports grouped by reason.' }),
  })
  .meta({ id: 'Comment' });
