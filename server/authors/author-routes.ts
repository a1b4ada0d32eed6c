import { z } from 'zod';
import { appendAudit, type AuditActor } from '../../core/audit/audit-log.js';
import { authorCommentIds, getAuthor, setBan, setPremoderated } from '../../core/authors/author-store.js';
import { getComments } from '../../core/comments/comment-store.js';
import { errors } from '../../core/errors.js';
import { appendSiteEvent } from '../../core/events/append-event.js';
import { commentSchema } from '../../protocol/comment-schemas.js';
import { errorResponses } from '../http/common-schemas.js';
import { idSchema } from '../../protocol/id-schemas.js';
import { defineRoute } from '../http/route-spec.js';
import { actorOf } from '../moderation/actor.js';
import { applyModeratorDecision } from '../moderation/moderation-service.js';
import type { ServerDeps } from '../server-deps.js';

export const authorParams = z.object({ siteId: idSchema, authorId: z.string().regex(/^[au]_[A-Za-z0-9_-]{10,40}$/, 'must be an author id') });
const authorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['sso', 'anonymous']),
    firstSeenAt: z.string().nullable(),
    lastSeenAt: z.string().nullable(),
    comments: z.number(),
    approved: z.number(),
    rejected: z.number(),
    reported: z.number(),
    banned: z.boolean(),
    bannedUntil: z.string().optional(),
    banReason: z.string().optional(),
    premoderated: z.boolean(),
  })
  .meta({ id: 'Author' });

/** Most comments rejected at once by a ban with rejectExisting. */
const MAX_REJECT_ON_BAN = 1000;

async function rejectAll(deps: ServerDeps, siteId: string, authorId: string, actor: AuditActor, note: string): Promise<number> {
  const ids = await authorCommentIds(deps, siteId, authorId, MAX_REJECT_ON_BAN);
  let rejected = 0;
  for (const c of await getComments(deps, siteId, ids)) {
    if (c.status === 'rejected') continue;
    await applyModeratorDecision(deps, { siteId, commentId: c.id, action: 'reject', actor, reason: { code: 'abuse', note } });
    rejected++;
  }
  return rejected;
}

/** Audit entry and live `author.updated` event for an action on an author. */
async function recordAuthorAction(
  deps: ServerDeps,
  siteId: string,
  authorId: string,
  actor: AuditActor,
  action: string,
  change: { before: unknown; after: unknown },
): Promise<void> {
  await appendAudit(deps, siteId, {
    at: new Date(deps.now()).toISOString(),
    actor,
    action: `author.${action}`,
    target: { type: 'author', id: authorId },
    ...change,
  });
  await appendSiteEvent(deps, { type: 'author.updated', siteId, authorId, action, moderatorId: actor.id });
}

export const authorRoutes = [
  defineRoute({
    method: 'get',
    path: '/sites/:siteId/authors/:authorId',
    operationId: 'getAuthor',
    summary: "An author's history on the site (first seen, approved, rejected, reported, ban) and latest comments.",
    tags: ['authors'],
    auth: 'moderator',
    params: authorParams,
    query: z.object({ limit: z.coerce.number().int().min(0).max(100).default(20) }),
    responses: {
      200: { description: 'The author.', schema: z.object({ author: authorSchema, comments: z.array(commentSchema) }) },
      ...errorResponses,
    },
    handler: async ({ deps, params, query }) => {
      const author = await getAuthor(deps, params.siteId, params.authorId);
      if (!author) throw errors.authorNotFound();
      const comments = await getComments(deps, params.siteId, await authorCommentIds(deps, params.siteId, params.authorId, query.limit));
      return { status: 200, body: { author, comments } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/authors/:authorId/ban',
    operationId: 'banAuthor',
    summary: "Ban an author on the site, permanently or until a date; their new comments are rejected at once.",
    tags: ['authors'],
    auth: 'moderator',
    params: authorParams,
    body: z.object({
      until: z.iso.datetime({ offset: true }).optional().meta({ description: 'ISO 8601 end of the ban; absent: permanent.' }),
      reason: z.string().overwrite((s) => s.trim()).min(1).max(500),
      rejectExisting: z.boolean().default(false),
    }),
    responses: {
      200: { description: 'The banned author.', schema: z.object({ author: authorSchema, rejected: z.number() }) },
      ...errorResponses,
    },
    handler: async ({ deps, params, body, caller }) => {
      if (body.until && Date.parse(body.until) <= deps.now()) {
        throw errors.validation([{ in: 'body', path: 'until', message: 'must be in the future' }]);
      }
      const actor = actorOf(caller.moderator);
      const { before, after } = await setBan(deps, params.siteId, params.authorId, { until: body.until, reason: body.reason });
      const rejected = body.rejectExisting ? await rejectAll(deps, params.siteId, params.authorId, actor, body.reason) : 0;
      await recordAuthorAction(deps, params.siteId, params.authorId, actor, 'ban', {
        before,
        after: { ...after, rejectedExisting: rejected },
      });
      return { status: 200, body: { author: after, rejected } };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/sites/:siteId/authors/:authorId/ban',
    operationId: 'unbanAuthor',
    summary: 'Lift a ban.',
    tags: ['authors'],
    auth: 'moderator',
    params: authorParams,
    responses: { 200: { description: 'The author.', schema: z.object({ author: authorSchema }) }, ...errorResponses },
    handler: async ({ deps, params, caller }) => {
      const actor = actorOf(caller.moderator);
      const { before, after } = await setBan(deps, params.siteId, params.authorId, null);
      await recordAuthorAction(deps, params.siteId, params.authorId, actor, 'unban', { before, after });
      return { status: 200, body: { author: after } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/authors/:authorId/premoderate',
    operationId: 'premoderateAuthor',
    summary: "Always hold (or stop holding) an author's comments for a human.",
    tags: ['authors'],
    auth: 'moderator',
    params: authorParams,
    body: z.object({ enabled: z.boolean() }),
    responses: { 200: { description: 'The author.', schema: z.object({ author: authorSchema }) }, ...errorResponses },
    handler: async ({ deps, params, body, caller }) => {
      const actor = actorOf(caller.moderator);
      const { before, after } = await setPremoderated(deps, params.siteId, params.authorId, body.enabled);
      const action = body.enabled ? 'premoderate' : 'unpremoderate';
      await recordAuthorAction(deps, params.siteId, params.authorId, actor, action, { before, after });
      return { status: 200, body: { author: after } };
    },
  }),
];
