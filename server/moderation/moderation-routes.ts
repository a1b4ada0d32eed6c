import { z } from 'zod';
import { listQueue, queueCounts } from '../../core/comments/moderation-queue-page.js';
import { commentParams, commentSchema } from '../comments/comment-schemas.js';
import { errorResponses, idSchema } from '../http/common-schemas.js';
import { defineRoute, type Caller } from '../http/route-spec.js';
import { moderateComment } from './moderation-service.js';

const conflictResponse = {
  409: { description: 'The comment changed since `version` (`conflict`); `details.comment` is the current one.' },
};
const decisionBody = z.object({
  version: z.number().int().positive().optional().meta({ description: 'The version you decided on.' }),
});
const moderatorIdOf = (caller: Caller) => caller.moderator?.id ?? 'admin';

export const moderationRoutes = [
  defineRoute({
    method: 'get',
    path: '/sites/:siteId/moderation/queue',
    operationId: 'moderationQueue',
    summary: 'A moderation queue: held riskiest first then oldest, pending oldest first, decided newest first.',
    tags: ['moderation'],
    auth: 'moderator',
    params: z.object({ siteId: idSchema }),
    query: z.object({
      status: z.enum(['pending', 'held', 'approved', 'rejected']).default('held'),
      limit: z.coerce.number().int().min(1).max(100).default(50),
      cursor: z.string().max(100).optional(),
    }),
    responses: {
      200: {
        description: 'One page, with the size of every queue.',
        schema: z.object({
          comments: z.array(commentSchema),
          nextCursor: z.string().nullable(),
          counts: z.record(z.string(), z.number()),
        }),
      },
      ...errorResponses,
    },
    handler: async ({ deps, params, query }) => {
      const [page, counts] = await Promise.all([
        listQueue(deps, params.siteId, query.status, query),
        queueCounts(deps, params.siteId),
      ]);
      return { status: 200, body: { ...page, counts } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/comments/:commentId/approve',
    operationId: 'approveComment',
    summary: 'Approve a comment; readers of the article receive it live.',
    tags: ['moderation'],
    auth: 'moderator',
    params: commentParams,
    body: decisionBody,
    responses: {
      200: { description: 'The comment as approved.', schema: z.object({ comment: commentSchema }) },
      ...errorResponses,
      ...conflictResponse,
    },
    handler: async ({ deps, params, body, caller }) => ({
      status: 200,
      body: {
        comment: await moderateComment(deps, {
          ...params,
          action: 'approve',
          moderatorId: moderatorIdOf(caller),
          version: body.version,
        }),
      },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/comments/:commentId/reject',
    operationId: 'rejectComment',
    summary: 'Reject a comment, with an optional reason (spam, abuse, off_topic, illegal, other, or free text).',
    tags: ['moderation'],
    auth: 'moderator',
    params: commentParams,
    body: decisionBody.extend({ reason: z.string().max(1000).optional() }),
    responses: {
      200: { description: 'The comment as rejected.', schema: z.object({ comment: commentSchema }) },
      ...errorResponses,
      ...conflictResponse,
    },
    handler: async ({ deps, params, body, caller }) => ({
      status: 200,
      body: {
        comment: await moderateComment(deps, {
          ...params,
          action: 'reject',
          moderatorId: moderatorIdOf(caller),
          version: body.version,
          reason: body.reason,
        }),
      },
    }),
  }),
];
