import { z } from 'zod';
import { setFeatured } from '../../core/comments/featured.js';
import { commentSchema } from '../../protocol/comment-schemas.js';
import { commentParams } from '../comments/comment-schemas.js';
import { errorResponses } from '../http/common-schemas.js';
import { defineRoute } from '../http/route-spec.js';
import { actorOf } from './actor.js';

export const featuredRoutes = [
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/comments/:commentId/feature',
    operationId: 'featureComment',
    summary: "Make a published comment one of the newsroom's picks (\"coup de cœur de la rédaction\"), or take it off them; readers are told live.",
    tags: ['moderation'],
    auth: 'moderator',
    params: commentParams,
    body: z.object({ featured: z.boolean().meta({ description: '`true` to pick the comment, `false` to take it off the picks.' }) }).strict(),
    responses: {
      200: { description: 'The comment, with `featuredAt` when it is a pick.', schema: z.object({ comment: commentSchema }) },
      ...errorResponses,
      409: { description: 'Only a published comment can be picked (`comment_not_approved`).' },
    },
    handler: async ({ deps, params, body, caller }) => ({
      status: 200,
      body: { comment: await setFeatured(deps, { ...params, featured: body.featured, actor: actorOf(caller.moderator) }) },
    }),
  }),
];
