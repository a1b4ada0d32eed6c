import { z } from 'zod';
import { createModerator, deleteModerator, listModerators, getModerator } from '../../core/moderators/moderator-store.js';
import { appendAudit } from '../../core/audit/audit-log.js';
import { appendSiteEvent } from '../../core/events/append-event.js';
import { errors } from '../../core/errors.js';
import { errorResponses } from '../http/common-schemas.js';
import { idSchema } from '../../protocol/id-schemas.js';
import { defineRoute } from '../http/route-spec.js';
import { actorOf } from '../moderation/actor.js';

const moderatorSchema = z
  .object({
    id: z.string(),
    siteId: z.string(),
    name: z.string(),
    role: z.enum(['moderator', 'admin']),
    createdAt: z.string(),
  })
  .meta({ id: 'Moderator' });

const siteParams = z.object({ siteId: idSchema });

export const moderatorRoutes = [
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/moderators',
    operationId: 'createModerator',
    summary: 'Create a moderator account (admin token or a site admin); the token is shown once.',
    tags: ['moderators'],
    auth: 'siteAdmin',
    params: siteParams,
    body: z
      .object({
        name: z.string().overwrite((s) => s.trim()).min(1).max(80),
        role: z.enum(['moderator', 'admin']).default('moderator'),
      })
      .strict(),
    responses: {
      201: {
        description: 'Created. Keep the token: it is not stored in clear and cannot be shown again.',
        schema: moderatorSchema.extend({ token: z.string() }),
      },
      ...errorResponses,
    },
    handler: async ({ deps, params, body, caller }) => {
      const { moderator, token } = await createModerator(deps, deps.signer, { siteId: params.siteId, ...body });
      await appendAudit(deps, params.siteId, {
        at: moderator.createdAt,
        actor: actorOf(caller.moderator),
        action: 'moderator.create',
        target: { type: 'moderator', id: moderator.id },
        after: moderator,
      });
      return { status: 201, body: { ...moderator, token } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/sites/:siteId/moderators',
    operationId: 'listModerators',
    summary: 'The moderators of a site.',
    tags: ['moderators'],
    auth: 'siteAdmin',
    params: siteParams,
    responses: {
      200: { description: 'Moderators.', schema: z.object({ moderators: z.array(moderatorSchema) }) },
      ...errorResponses,
    },
    handler: async ({ deps, params }) => ({
      status: 200,
      body: { moderators: await listModerators(deps, params.siteId) },
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/sites/:siteId/moderators/:moderatorId',
    operationId: 'deleteModerator',
    summary: 'Revoke a moderator (admin token or a site admin); the token stops working at once and open sockets close.',
    tags: ['moderators'],
    auth: 'siteAdmin',
    params: z.object({ siteId: idSchema, moderatorId: idSchema }),
    responses: { 204: { description: 'Revoked.' }, ...errorResponses },
    handler: async ({ deps, params, caller }) => {
      const before = await getModerator(deps, params.siteId, params.moderatorId);
      if (!before) throw errors.moderatorNotFound();
      await deleteModerator(deps, params.siteId, params.moderatorId);
      // every server disconnects this moderator's sockets when the event reaches it
      await appendSiteEvent(deps, { type: 'moderator.revoked', siteId: params.siteId, moderatorId: params.moderatorId });
      await appendAudit(deps, params.siteId, {
        at: new Date(deps.now()).toISOString(),
        actor: actorOf(caller.moderator),
        action: 'moderator.revoke',
        target: { type: 'moderator', id: params.moderatorId },
        before,
      });
      return { status: 204, body: null };
    },
  }),
];
