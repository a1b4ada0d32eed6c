/**
 * zod schemas of the comment types, each checked against its type (`satisfies`), so a schema
 * and its type cannot drift. They describe the API's answers in the OpenAPI document. Closed
 * vocabularies are documented as plain strings (a client must accept a value added later) and
 * narrowed to this version's values by a guard.
 */
import { z } from 'zod';
import { IMPORT_SOURCES, isRejectionCode, isReportReason, type Comment, type PublicComment } from './comment.js';
import { COMMENT_STATUSES } from './comment-status.js';
import type { DecisionTrace } from './decision.js';
import { COMMENT_LANGUAGES } from './language.js';
import { reasonSchema } from './reason-schemas.js';

const statusSchema = z.enum(COMMENT_STATUSES);
/** Where a comment sits and who wrote it: readers and moderators see these alike. */
const placeAndAuthor = {
  id: z.string(),
  siteId: z.string(),
  articleId: z.string(),
  parentId: z.string().nullable(),
  author: z.object({
    id: z.string(),
    name: z.string(),
    staff: z.literal(true).optional().meta({ description: "Posted by the newsroom's staff (the site's SSO token said `staff: true`)." }),
  }),
};
const reactionsField = z.number().int().min(0).optional().meta({ description: 'Readers who like the comment, one each; absent for none.' });

export const publicCommentSchema = z
  .object({
    ...placeAndAuthor,
    body: z.string().meta({ description: 'Plain text as written. Render with textContent, never as HTML.' }),
    status: statusSchema,
    createdAt: z.string().meta({ description: 'ISO 8601.' }),
    reactions: reactionsField,
    featured: z.literal(true).optional().meta({ description: "One of the newsroom's picks (\"coup de cœur de la rédaction\")." }),
    reacted: z.boolean().optional().meta({ description: 'In a thread listed for an identified reader: whether this reader likes the comment.' }),
    get replies(): z.ZodOptional<z.ZodArray<z.ZodType<PublicComment>>> {
      return z.array(publicCommentSchema).optional();
    },
  })
  .meta({ id: 'PublicComment' }) satisfies z.ZodType<PublicComment>;

const isDecisionTrace = (d: Record<string, unknown>): d is Record<string, unknown> & DecisionTrace =>
  (d.mode === 'pre' || d.mode === 'post') && typeof d.thresholds === 'object' && typeof d.checks === 'object' && typeof d.models === 'object';

export const commentSchema = z
  .object({
    ...placeAndAuthor,
    body: z.string(),
    status: statusSchema,
    createdAt: z.string(),
    version: z.number().int().meta({ description: 'Grows with every change of the comment.' }),
    lang: z.enum(COMMENT_LANGUAGES).optional(),
    scores: z.record(z.string(), z.number()).optional(),
    reasons: z.array(reasonSchema).optional(),
    decision: z.record(z.string(), z.unknown()).refine(isDecisionTrace).optional(),
    decidedBy: z.string().optional(),
    autoStatus: z.enum(['approved', 'held', 'rejected']).optional().meta({ description: 'The status the automatic decision gave, kept when a moderator decides later.' }),
    decidedAt: z.string().optional(),
    moderatorReason: z.object({ code: z.string().refine(isRejectionCode), note: z.string().optional() }).optional(),
    undo: z
      .object({ previousStatus: statusSchema, version: z.number(), moderatorId: z.string(), until: z.string() })
      .optional()
      .meta({ description: 'The last human decision can be undone until `until`.' }),
    reportCount: z.number().optional(),
    reports: z
      .object({
        total: z.number(),
        byReason: z.record(z.string(), z.number()),
        notes: z.array(z.object({ reason: z.string().refine(isReportReason), note: z.string(), at: z.string() })),
      })
      .optional()
      .meta({ description: 'Reader reports grouped by reason.' }),
    reactions: reactionsField,
    featuredAt: z.string().optional().meta({ description: "When a moderator made it one of the newsroom's picks." }),
    imported: z
      .object({ source: z.enum(IMPORT_SOURCES), id: z.string() })
      .optional()
      .meta({ description: 'Where an imported comment came from: the platform and its id there.' }),
    arrival: z
      .object({
        established: z.boolean(),
        newReader: z.boolean(),
        deviceFlood: z.enum(['address', 'subnet']).optional(),
        newDevices: z.number().optional(),
        composeMs: z.number().optional(),
        solvedChallenge: z.boolean().optional(),
      })
      .optional()
      .meta({ description: 'What the write gate saw when the comment arrived (never the address).' }),
    textGroup: z.string().optional().meta({ description: 'Near-identical comments share this key; the held queue groups by it.' }),
  })
  .meta({ id: 'Comment' }) satisfies z.ZodType<Comment>;
