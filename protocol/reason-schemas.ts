/**
 * zod schemas of reasons, checked against their types (`satisfies`). Codes and attributes are
 * documented as strings, so a client accepts a code added later, and narrowed to this
 * version's values by a guard.
 */
import { z } from 'zod';
import { isAttribute } from './attribute.js';
import { isSevereCategory } from './severe-category.js';
import { isReasonCode, THRESHOLD_ATTRIBUTES, THRESHOLD_STEPS, type ModelVersion, type Reason, type RejectionMatch, type ThresholdCrossing } from './reason.js';

export const spanSchema = z.object({ start: z.number().int(), end: z.number().int() });

export const modelVersionSchema = z.object({ id: z.string(), version: z.string() }) satisfies z.ZodType<ModelVersion>;

export const thresholdCrossingSchema = z.object({
  attribute: z.enum(THRESHOLD_ATTRIBUTES),
  step: z.enum(THRESHOLD_STEPS),
  threshold: z.number(),
  score: z.number(),
}) satisfies z.ZodType<ThresholdCrossing>;

export const rejectionMatchSchema = z.object({
  commentId: z.string(),
  reason: z.string(),
  decidedAt: z.string(),
  similarity: z.number(),
}) satisfies z.ZodType<RejectionMatch>;

export const reasonSchema = z.object({
  check: z.string(),
  code: z.string().refine(isReasonCode),
  message: z.string(),
  spans: z.array(spanSchema),
  attribute: z.string().refine(isAttribute).optional(),
  threshold: thresholdCrossingSchema.optional().meta({ description: 'For a threshold reached: the score, the threshold and which step.' }),
  model: modelVersionSchema.optional().meta({ description: 'The model or scorer behind the finding or the score.' }),
  category: z
    .string()
    .refine(isSevereCategory)
    .optional()
    .meta({ description: 'For a severe-harm reason: threat, incitement, wish_of_harm or dehumanisation.' }),
  term: z.string().optional().meta({ description: "For a word-list reason (banned_word, suspect_word): the site's list entry that matched." }),
  matches: rejectionMatchSchema
    .optional()
    .meta({ description: 'For copies_rejected: the earlier rejection by a moderator this comment is a near-copy of (comment id, reason code, when, similarity).' }),
}) satisfies z.ZodType<Reason>;
