/** zod schema of the statement of reasons, checked against its type (`satisfies`). */
import { z } from 'zod';
import { isRejectionCode } from './comment.js';
import { COMMENT_STATUSES } from './comment-status.js';
import { modelVersionSchema, spanSchema } from './reason-schemas.js';
import { isReasonCode, THRESHOLD_ATTRIBUTES, THRESHOLD_STEPS } from './reason.js';
import type { StatementOfReasons } from './statement.js';

const thresholdPair = z.object({ hold: z.number(), reject: z.number() });

export const statementSchema = z
  .object({
    commentId: z.string(),
    articleId: z.string(),
    status: z.enum(COMMENT_STATUSES),
    restriction: z.enum(['removed', 'held', 'none', 'pending']),
    postedAt: z.string(),
    decidedAt: z.string().nullable(),
    decidedBy: z.enum(['automated', 'moderator']).nullable(),
    automatedMeans: z.boolean().meta({ description: 'Automated checks detected or decided.' }),
    grounds: z.array(
      z.object({
        check: z.string(),
        checkVersion: z.string().optional(),
        code: z.string().refine(isReasonCode),
        message: z.string(),
        spans: z.array(spanSchema),
        excerpts: z.array(z.string()),
        attribute: z.enum(THRESHOLD_ATTRIBUTES).optional(),
        score: z.number().optional(),
        threshold: z.number().optional(),
        step: z.enum(THRESHOLD_STEPS).optional(),
        models: z.array(modelVersionSchema).optional(),
      }),
    ),
    moderatorReason: z.object({ code: z.string().refine(isRejectionCode), note: z.string().optional() }).optional(),
    policy: z.object({ mode: z.enum(['pre', 'post']), thresholds: z.object({ toxicity: thresholdPair, spam: thresholdPair, severe: thresholdPair.optional() }) }).optional(),
    models: z.array(modelVersionSchema),
  })
  .meta({ id: 'StatementOfReasons' }) satisfies z.ZodType<StatementOfReasons>;
