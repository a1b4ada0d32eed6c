import { z } from 'zod';
import { rejectReasonSchema } from '../../protocol/event-schemas.js';
import { commentSchema } from '../../protocol/comment-schemas.js';
import { attackFiguresSchema } from '../../protocol/flood-schemas.js';
import { idSchema } from '../../protocol/id-schemas.js';
import { readAttack } from '../../core/flood/attack-state.js';
import { heldTextGroups, MAX_GROUPED } from '../../core/flood/text-groups.js';
import { errors } from '../../core/errors.js';
import { errorResponses } from '../http/common-schemas.js';
import { defineRoute } from '../http/route-spec.js';
import { actorOf } from './actor.js';
import { applyModeratorDecision, undoDecision, type ReasonInput } from './moderation-service.js';
import type { ServerDeps } from '../server-deps.js';
import type { AuditActor } from '../../core/audit/audit-log.js';
import { eachComment, perComment } from './each-comment.js';

const siteParams = z.object({ siteId: idSchema });
const groupKey = z.string().regex(/^[0-9a-z]{16}$/, 'a text group key is 16 lowercase hex-like characters');
const decideGroup = (deps: ServerDeps, siteId: string, ids: string[], action: 'approve' | 'reject', actor: AuditActor, reason: ReasonInput) =>
  eachComment(ids, (commentId) => applyModeratorDecision(deps, { siteId, commentId, action, actor, reason }));

export const groupRoutes = [
  defineRoute({
    method: 'get',
    path: '/sites/:siteId/attack',
    operationId: 'currentAttack',
    summary: "The site's attack while it lasts (flood signals over the policy's line), else null.",
    tags: ['moderation'],
    auth: 'moderator',
    params: siteParams,
    responses: {
      200: {
        description: 'The running attack, or null.',
        schema: z.object({
          attack: z.object({ startedAt: z.string(), lastSignalAt: z.string(), figures: attackFiguresSchema }).nullable(),
        }),
      },
      ...errorResponses,
    },
    handler: async ({ deps, params }) => ({ status: 200, body: { attack: await readAttack(deps, params.siteId) } }),
  }),
  defineRoute({
    method: 'get',
    path: '/sites/:siteId/moderation/groups',
    operationId: 'heldTextGroups',
    summary: `Held comments grouped by near-identical text (a wave), largest first; looks at the ${MAX_GROUPED} riskiest held comments.`,
    tags: ['moderation'],
    auth: 'moderator',
    params: siteParams,
    query: z.object({ minSize: z.coerce.number().int().min(1).max(1000).default(2) }),
    responses: {
      200: {
        description: 'The groups of at least `minSize` comments.',
        schema: z.object({
          groups: z.array(
            z.object({
              key: z.string(),
              count: z.number(),
              authors: z.number(),
              sample: commentSchema,
              commentIds: z.array(z.string()),
              articleIds: z.array(z.string()),
            }),
          ),
        }),
      },
      ...errorResponses,
    },
    handler: async ({ deps, params, query }) => ({
      status: 200,
      body: { groups: await heldTextGroups(deps, params.siteId, { minSize: query.minSize }) },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/moderation/groups/:groupKey/decide',
    operationId: 'decideTextGroup',
    summary: 'Approve or reject every held comment of a group in one decision; each is undoable for 10 minutes (groups/undo).',
    tags: ['moderation'],
    auth: 'moderator',
    params: siteParams.extend({ groupKey }),
    body: z.object({ action: z.enum(['approve', 'reject']), reason: rejectReasonSchema.optional() }),
    responses: {
      200: { description: 'Which comments were decided; keep `decided` to undo.', schema: perComment.extend({ action: z.enum(['approve', 'reject']) }) },
      ...errorResponses,
    },
    handler: async ({ deps, params, body, caller }) => {
      const [group] = await heldTextGroups(deps, params.siteId, { minSize: 1, only: params.groupKey });
      if (!group) throw errors.validation([{ in: 'params', path: 'groupKey', message: 'no held comment has this text group' }]);
      const result = await decideGroup(deps, params.siteId, group.commentIds, body.action, actorOf(caller.moderator), body.reason);
      return { status: 200, body: { action: body.action, ...result } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/moderation/groups/undo',
    operationId: 'undoTextGroup',
    summary: 'Undo a group decision: each comment goes back to the status it had, within 10 minutes and if nothing changed since.',
    tags: ['moderation'],
    auth: 'moderator',
    params: siteParams,
    body: z.object({ commentIds: z.array(idSchema).min(1).max(MAX_GROUPED) }),
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
];
