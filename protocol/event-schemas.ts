/**
 * zod schemas of the messages clients send on the sockets, each checked against its type
 * (`satisfies`); the server validates every message with them.
 */
import { z } from 'zod';
import { REJECTION_CODES } from './comment.js';
import {
  isEventId,
  type CommentsSubscribe,
  type ModerationClaim,
  type ModerationDecision,
  type ModerationReject,
  type ModerationSubscribe,
} from './events.js';
import { articleIdSchema, idSchema } from './id-schemas.js';

const eventIdSchema = z.string().refine(isEventId);

/** A rejection reason as clients send it: `spam` … `other`, free text, or `{code, note}`. */
export const rejectReasonSchema = z.union([
  z.string().max(1000),
  z.object({ code: z.enum(REJECTION_CODES), note: z.string().max(1000).optional() }),
]) satisfies z.ZodType<ModerationReject['reason']>;

export const moderationSubscribeSchema = z.object({
  siteId: idSchema,
  lastEventId: eventIdSchema.optional(),
}) satisfies z.ZodType<ModerationSubscribe>;

export const moderationClaimSchema = z.object({ siteId: idSchema, commentId: idSchema }) satisfies z.ZodType<ModerationClaim>;

export const moderationDecisionSchema = moderationClaimSchema.extend({
  version: z.number().int().positive().optional(),
}) satisfies z.ZodType<ModerationDecision>;

export const moderationRejectSchema = moderationDecisionSchema.extend({
  reason: rejectReasonSchema.optional(),
}) satisfies z.ZodType<ModerationReject>;

export const commentsSubscribeSchema = z.object({
  siteId: idSchema,
  articleId: articleIdSchema,
  lastEventId: eventIdSchema.optional(),
}) satisfies z.ZodType<CommentsSubscribe>;
