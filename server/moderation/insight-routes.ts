import { z } from 'zod';
import { readAudit } from '../../core/audit/audit-log.js';
import { errors } from '../../core/errors.js';
import { listModerators } from '../../core/moderators/moderator-store.js';
import { listPresent } from '../../core/moderators/presence.js';
import { MAX_STATS_DAYS, siteStats } from '../../core/stats/site-stats.js';
import { utcDay } from '../../core/stats/stats-fields.js';
import { errorResponses } from '../http/common-schemas.js';
import { articleIdSchema, idSchema } from '../../protocol/id-schemas.js';
import { siteStatsSchema } from './stats-schemas.js';
import { defineRoute } from '../http/route-spec.js';

const siteParams = z.object({ siteId: idSchema });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a UTC day YYYY-MM-DD');

export const insightRoutes = [
  defineRoute({
    method: 'get',
    path: '/sites/:siteId/audit',
    operationId: 'auditLog',
    summary: 'Audit log of moderator actions and policy changes (who, when, what, before, after), newest first.',
    tags: ['audit'],
    auth: 'moderator',
    params: siteParams,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: z.string().regex(/^\d+-\d+$/, 'must be a cursor returned by this route').optional(),
      moderatorId: z.string().min(1).max(64).optional().meta({ description: 'Only what this actor did: a moderator id, `admin`, or a system actor (`surge`).' }),
      action: z
        .string()
        .regex(/^[a-z_]+\.([a-z_]+)?$/, 'an action such as comment.reject, or a family such as comment.')
        .optional()
        .meta({ description: 'An action (`comment.reject`), or every action of a kind (`comment.`, `author.`, `site.`).' }),
      articleId: articleIdSchema.optional().meta({ description: "The article's own changes and those of its comments." }),
      from: day.optional().meta({ description: 'First UTC day, inclusive.' }),
      to: day.optional().meta({ description: 'Last UTC day, inclusive.' }),
    }),
    responses: {
      200: {
        description: 'One page of entries.',
        schema: z.object({
          entries: z.array(
            z.object({
              id: z.string(),
              at: z.string(),
              actor: z.object({ kind: z.string(), id: z.string(), name: z.string().optional() }),
              action: z.string(),
              target: z.object({ type: z.string(), id: z.string(), articleId: z.string().optional() }),
              before: z.unknown().optional(),
              after: z.unknown().optional(),
            }),
          ),
          nextCursor: z.string().nullable(),
        }),
      },
      ...errorResponses,
    },
    handler: async ({ deps, params, query }) => {
      const fromMs = query.from ? Date.parse(`${query.from}T00:00:00Z`) : undefined;
      const toMs = query.to ? Date.parse(`${query.to}T00:00:00Z`) + 86_400_000 : undefined;
      if (fromMs !== undefined && toMs !== undefined && fromMs >= toMs) {
        throw errors.validation([{ in: 'query', path: 'from', message: 'from must not be after to' }]);
      }
      const { from: _f, to: _t, moderatorId, ...rest } = query;
      return { status: 200, body: await readAudit(deps, params.siteId, { ...rest, actorId: moderatorId, fromMs, toMs }) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/sites/:siteId/stats',
    operationId: 'siteStats',
    summary:
      'Comments received, automatic and human decisions, decisions per moderator, time to (a human) decision, share scored toxic, spam or severe, surges, reports; by article and by section; the held queue over time.',
    tags: ['stats'],
    auth: 'moderator',
    params: siteParams,
    query: z.object({ from: day.optional(), to: day.optional(), interval: z.enum(['day', 'week']).default('day') }),
    responses: {
      200: { description: 'Statistics by day or ISO week (UTC).', schema: siteStatsSchema },
      ...errorResponses,
    },
    handler: async ({ deps, params, query }) => {
      const to = query.to ?? utcDay(deps.now());
      const from = query.from ?? utcDay(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000);
      const span = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
      if (!(span >= 1 && span <= MAX_STATS_DAYS)) {
        throw errors.validation([{ in: 'query', path: 'from', message: `from must not be after to, and the range at most ${MAX_STATS_DAYS} days` }]);
      }
      const stats = await siteStats(deps, params.siteId, { from, to, interval: query.interval });
      const names = new Map((await listModerators(deps, params.siteId)).map((m) => [m.id, m.name]));
      return { status: 200, body: { ...stats, moderators: Object.fromEntries(names) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/sites/:siteId/moderation/presence',
    operationId: 'moderatorsPresence',
    summary: "Moderators online in the site's moderation room.",
    tags: ['moderation'],
    auth: 'moderator',
    params: siteParams,
    responses: {
      200: { description: 'Who is online.', schema: z.object({ moderators: z.array(z.object({ id: z.string(), name: z.string() })) }) },
      ...errorResponses,
    },
    handler: async ({ deps, params }) => ({ status: 200, body: { moderators: (await listPresent(deps, params.siteId)).moderators } }),
  }),
];
