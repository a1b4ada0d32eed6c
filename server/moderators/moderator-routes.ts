import { z } from 'zod';
import { createModerator, deleteModerator, listModerators, getModerator, saveModerator, type Moderator } from '../../core/moderators/moderator-store.js';
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
    scope: z.enum(['read-only', 'moderate', 'admin']).optional().meta({ description: 'What the API token may do; absent on tokens made before scopes: they act by their role.' }),
    expiresAt: z.string().optional().meta({ description: 'When the API token stops working; absent: never.' }),
    source: z.literal('oidc').optional().meta({ description: "A staff member signed in with the newsroom's OpenID provider (no API token)." }),
    email: z.string().optional(),
  })
  .meta({ id: 'Moderator' });

const siteParams = z.object({ siteId: idSchema });

export const moderatorRoutes = [
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/moderators',
    operationId: 'createModerator',
    summary:
      'Create an API token for a moderator or a script (admin token or a site admin), with a scope (read-only, moderate, admin) ' +
      'and optionally an expiry; the token is shown once.',
    tags: ['moderators'],
    auth: 'siteAdmin',
    params: siteParams,
    body: z
      .object({
        name: z.string().overwrite((s) => s.trim()).min(1).max(80),
        /** Kept for older clients: `admin` is the `admin` scope, `moderator` the `moderate` scope. */
        role: z.enum(['moderator', 'admin']).optional(),
        scope: z.enum(['read-only', 'moderate', 'admin']).optional(),
        expiresInDays: z.number().int().min(1).max(3650).optional(),
      })
      .strict()
      .refine((b) => !(b.role && b.scope) || (b.role === 'admin') === (b.scope === 'admin'), 'role and scope disagree: give one of them'),
    responses: {
      201: {
        description: 'Created. Keep the token: it is not stored in clear and cannot be shown again.',
        schema: moderatorSchema.extend({ token: z.string() }),
      },
      ...errorResponses,
    },
    handler: async ({ deps, params, body, caller }) => {
      const { moderator, token } = await createModerator(deps, deps.signer, {
        siteId: params.siteId,
        name: body.name,
        role: body.scope ? (body.scope === 'admin' ? 'admin' : 'moderator') : (body.role ?? 'moderator'),
        ...(body.scope ? { scope: body.scope } : {}),
        ...(body.expiresInDays ? { expiresAt: deps.now() + body.expiresInDays * 86_400_000 } : {}),
      });
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
    method: 'patch',
    path: '/sites/:siteId/moderators/:moderatorId',
    operationId: 'updateModerator',
    summary:
      "Change a moderator's name or what their API token may do (scope); takes effect at the token's next use. A staff member signed in with the newsroom's OpenID provider gets their role from the site's sign-in rules instead.",
    tags: ['moderators'],
    auth: 'siteAdmin',
    params: z.object({ siteId: idSchema, moderatorId: idSchema }),
    body: z
      .object({
        name: z.string().overwrite((s) => s.trim()).min(1).max(80).optional(),
        scope: z.enum(['read-only', 'moderate', 'admin']).optional(),
      })
      .strict()
      .refine((b) => b.name !== undefined || b.scope !== undefined, 'send name or scope'),
    responses: { 200: { description: 'The moderator as changed.', schema: moderatorSchema }, ...errorResponses },
    handler: async ({ deps, params, body, caller }) => {
      const before = await getModerator(deps, params.siteId, params.moderatorId);
      if (!before) throw errors.moderatorNotFound();
      if (body.scope !== undefined && before.source === 'oidc') {
        throw errors.validation([{ in: 'body', path: 'scope', message: "a signed-in staff member's role comes from the site's sign-in rules (staffSignIn)" }]);
      }
      const after: Moderator = {
        ...before,
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.scope !== undefined ? { scope: body.scope, role: body.scope === 'admin' ? 'admin' : 'moderator' } : {}),
      };
      await saveModerator(deps, after);
      await appendAudit(deps, params.siteId, {
        at: new Date(deps.now()).toISOString(),
        actor: actorOf(caller.moderator),
        action: 'moderator.update',
        target: { type: 'moderator', id: params.moderatorId },
        before,
        after,
      });
      return { status: 200, body: after };
    },
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
