import { z } from 'zod';
import { rejectReasonSchema } from '../../protocol/event-schemas.js';
import { countReviewQueues, listReviewQueue } from '../../core/comments/review-queue.js';
import { REVIEW_QUEUES } from '../../protocol/review-queue.js';
import { reportSummaries } from '../../core/comments/reports.js';
import { requireComment } from '../../core/comments/comment-store.js';
import { claimComment } from '../../core/moderators/claims.js';
import { articleRefs } from '../../core/articles/article-store.js';
import { articleSectionSchema } from '../../core/articles/article.js';
import { articleIdSchema, idSchema } from '../../protocol/id-schemas.js';
import { commentParams } from '../comments/comment-schemas.js';
import { commentSchema } from '../../protocol/comment-schemas.js';
import { errorResponses } from '../http/common-schemas.js';
import { defineRoute } from '../http/route-spec.js';
import { actorOf } from './actor.js';
import { applyModeratorDecision, undoDecision } from './moderation-service.js';
import { eachComment, perComment } from './each-comment.js';

const conflictResponse = {
  409: { description: 'The comment changed since `version` (`conflict`); `details.comment` is the current one.' },
};
const versionField = z.number().int().positive().optional().meta({ description: 'The version you decided on.' });
const siteParams = z.object({ siteId: idSchema });

export const moderationRoutes = [
  defineRoute({
    method: 'get',
    path: '/sites/:siteId/moderation/queue',
    operationId: 'moderationQueue',
    summary:
      'A moderation queue: held: severe harm first (threats, calls to violence, dehumanisation), then riskiest, then oldest; pending oldest first, reported most reported first, decided newest first; filter by article, author, section or text; `all` statuses for an article or an author.',
    tags: ['moderation'],
    auth: 'moderator',
    params: siteParams,
    query: z.object({
      status: z
        .enum([...REVIEW_QUEUES, 'all'])
        .default('held')
        .meta({ description: '`all`: every status, newest first; only with `articleId` or `authorId`.' }),
      limit: z.coerce.number().int().min(1).max(100).default(50),
      cursor: z.string().max(100).optional(),
      articleId: articleIdSchema.optional(),
      authorId: z.string().max(64).optional(),
      q: z.string().min(1).max(200).optional().meta({ description: 'Text in the body or author name (case and accents ignored).' }),
      section: articleSectionSchema.optional().meta({ description: "Only comments of this section's articles." }),
    })
    .refine((q) => q.status !== 'all' || q.articleId !== undefined || q.authorId !== undefined, {
      path: ['status'],
      message: 'status all needs articleId or authorId',
    }),
    responses: {
      200: {
        description: 'One page, with the size of every queue.',
        schema: z.object({
          comments: z.array(commentSchema),
          nextCursor: z.string().nullable(),
          counts: z.record(z.string(), z.number()),
          articles: z
            .record(z.string(), z.object({ id: z.string(), title: z.string().optional(), url: z.string().optional(), section: z.string().optional() }))
            .meta({ description: 'Title, url and section of the articles of this page, by article id.' }),
        }),
      },
      ...errorResponses,
    },
    handler: async ({ deps, params, query }) => {
      const [page, counts] = await Promise.all([
        listReviewQueue(deps, params.siteId, query.status, query),
        countReviewQueues(deps, params.siteId),
      ]);
      const [reports, articles] = await Promise.all([
        reportSummaries(deps, params.siteId, page.comments.filter((c) => c.reportCount).map((c) => c.id)),
        articleRefs(deps, params.siteId, page.comments.map((c) => c.articleId)),
      ]);
      const comments = page.comments.map((c) => (reports.has(c.id) ? { ...c, reports: reports.get(c.id) } : c));
      return { status: 200, body: { comments, nextCursor: page.nextCursor, counts, articles } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/comments/:commentId/approve',
    operationId: 'approveComment',
    summary: 'Approve a comment; readers of the article receive it live. Undoable for 10 minutes.',
    tags: ['moderation'],
    auth: 'moderator',
    params: commentParams,
    body: z.object({ version: versionField }),
    responses: {
      200: { description: 'The comment as approved.', schema: z.object({ comment: commentSchema }) },
      ...errorResponses,
      ...conflictResponse,
    },
    handler: async ({ deps, params, body, caller }) => ({
      status: 200,
      body: { comment: await applyModeratorDecision(deps, { ...params, action: 'approve', actor: actorOf(caller.moderator), version: body.version }) },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/comments/:commentId/reject',
    operationId: 'rejectComment',
    summary: 'Reject a comment with a reason the author can be shown. Undoable for 10 minutes.',
    tags: ['moderation'],
    auth: 'moderator',
    params: commentParams,
    body: z.object({ version: versionField, reason: rejectReasonSchema.optional() }),
    responses: {
      200: { description: 'The comment as rejected.', schema: z.object({ comment: commentSchema }) },
      ...errorResponses,
      ...conflictResponse,
    },
    handler: async ({ deps, params, body, caller }) => ({
      status: 200,
      body: {
        comment: await applyModeratorDecision(deps, {
          ...params,
          action: 'reject',
          actor: actorOf(caller.moderator),
          version: body.version,
          reason: body.reason,
        }),
      },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/comments/:commentId/undo',
    operationId: 'undoDecision',
    summary: 'Undo the last human decision on a comment, within 10 minutes and if nothing changed since.',
    tags: ['moderation'],
    auth: 'moderator',
    params: commentParams,
    responses: {
      200: { description: 'The comment restored to its previous status.', schema: z.object({ comment: commentSchema }) },
      ...errorResponses,
      409: { description: '`undo_unavailable` (nothing to undo, or too late) or `conflict` (changed since).' },
    },
    handler: async ({ deps, params, caller }) => ({
      status: 200,
      body: { comment: await undoDecision(deps, { ...params, actor: actorOf(caller.moderator) }) },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/moderation/bulk',
    operationId: 'bulkModerate',
    summary: 'Approve or reject up to 100 comments at once; each succeeds or fails on its own.',
    tags: ['moderation'],
    auth: 'moderator',
    params: siteParams,
    body: z.object({
      action: z.enum(['approve', 'reject']),
      commentIds: z.array(idSchema).min(1).max(100),
      reason: rejectReasonSchema.optional(),
    }),
    responses: {
      200: {
        description: 'One result per comment, in the order given.',
        schema: z.object({
          results: z.array(
            z.object({
              commentId: z.string(),
              ok: z.boolean(),
              comment: commentSchema.optional(),
              error: z.object({ code: z.string(), message: z.string() }).optional(),
            }),
          ),
        }),
      },
      ...errorResponses,
    },
    handler: async ({ deps, params, body, caller }) => {
      const actor = actorOf(caller.moderator);
      const results = [];
      for (const commentId of [...new Set(body.commentIds)]) {
        try {
          const comment = await applyModeratorDecision(deps, { siteId: params.siteId, commentId, action: body.action, actor, reason: body.reason });
          results.push({ commentId, ok: true, comment });
        } catch (err) {
          const e = err as { code?: string; message?: string };
          if (!e.code) throw err;
          results.push({ commentId, ok: false, error: { code: e.code, message: e.message ?? '' } });
        }
      }
      return { status: 200, body: { results } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/moderation/bulk/undo',
    operationId: 'undoBulk',
    summary: 'Undo a bulk decision as one: each comment goes back to the status it had, within 10 minutes and if nothing changed since.',
    tags: ['moderation'],
    auth: 'moderator',
    params: siteParams,
    body: z.object({ commentIds: z.array(idSchema).min(1).max(100) }).strict(),
    responses: {
      200: { description: 'Which comments were restored (`decided`), and which could not be (`undo_unavailable`, `conflict`).', schema: perComment },
      ...errorResponses,
    },
    handler: async ({ deps, params, body, caller }) => {
      const actor = actorOf(caller.moderator);
      const result = await eachComment([...new Set(body.commentIds)], (commentId) => undoDecision(deps, { siteId: params.siteId, commentId, actor }));
      return { status: 200, body: result };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/comments/:commentId/claim',
    operationId: 'claimComment',
    summary: 'Mark a comment as being looked at for 60 s (renew by claiming again); other moderators are told.',
    tags: ['moderation'],
    auth: 'moderator',
    params: commentParams,
    responses: {
      200: { description: 'Claimed.', schema: z.object({ until: z.string() }) },
      ...errorResponses,
      409: { description: '`already_claimed` by another moderator; `details` has who and until when.' },
    },
    handler: async ({ deps, params, caller }) => {
      await requireComment(deps, params.siteId, params.commentId);
      return { status: 200, body: await claimComment(deps, { ...params, moderatorId: actorOf(caller.moderator).id }) };
    },
  }),
];
