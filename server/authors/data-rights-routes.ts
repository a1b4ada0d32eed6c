import { z } from 'zod';
import { eraseAuthor } from '../../core/authors/data-rights-erase.js';
import { exportAuthorData } from '../../core/authors/data-rights-export.js';
import { errors } from '../../core/errors.js';
import { commentSchema } from '../../protocol/comment-schemas.js';
import { errorResponses } from '../http/common-schemas.js';
import { defineRoute } from '../http/route-spec.js';
import { actorOf } from '../moderation/actor.js';
import { authorParams } from './author-routes.js';

const exportSchema = z
  .object({
    siteId: z.string(),
    authorId: z.string(),
    exportedAt: z.string(),
    author: z
      .record(z.string(), z.string())
      .nullable()
      .meta({ description: 'The author record as stored (name, email, dates, counters, ban); null once erased.' }),
    comments: z.array(commentSchema).meta({ description: 'Every comment of the author, any status, oldest first.' }),
    reports: z
      .array(z.object({ commentId: z.string(), reason: z.string(), note: z.string().optional(), at: z.string() }))
      .meta({ description: 'Every report the author filed, oldest first.' }),
    reactions: z.array(z.string()).meta({ description: 'The ids of the comments the author likes ("J\'apprécie").' }),
    notes: z
      .array(z.object({ id: z.string(), text: z.string(), at: z.string() }))
      .meta({ description: "What the site's moderators wrote down about the author, newest first." }),
  })
  .meta({ id: 'AuthorDataExport' });

const erasureSchema = z
  .object({
    comments: z.number().int().meta({ description: 'Comments anonymised by this call (0 when already done).' }),
    removedFromReaders: z.number().int(),
    reports: z.number().int().meta({ description: 'Filed reports whose note was wiped.' }),
    events: z.number().int().meta({ description: 'Old stream events carrying the text, deleted.' }),
    reactions: z.number().int().meta({ description: "The author's likes taken back." }),
    notes: z.number().int().meta({ description: "Moderators' notes about the author, deleted." }),
  })
  .meta({ id: 'AuthorErasure' });

/** Readers' data rights (GDPR art. 15 and 17), answered by the site's admins. */
export const dataRightsRoutes = [
  defineRoute({
    method: 'get',
    path: '/sites/:siteId/authors/:authorId/export',
    operationId: 'exportAuthorData',
    summary:
      "Everything the site holds about an author, as JSON: every comment (any status, decisions, reasons), every report filed, the comments liked and the moderators' notes.",
    tags: ['authors'],
    auth: 'siteAdmin',
    params: authorParams,
    responses: { 200: { description: 'The export.', schema: exportSchema }, ...errorResponses },
    handler: async ({ deps, params, res }) => {
      const data = await exportAuthorData(deps, params.siteId, params.authorId);
      if (!data.author && data.comments.length === 0 && data.reports.length === 0 && data.notes.length === 0) throw errors.authorNotFound();
      res.setHeader('cache-control', 'no-store');
      return { status: 200, body: data };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/sites/:siteId/authors/:authorId',
    operationId: 'eraseAuthor',
    summary:
      "Erase an author: their comments leave readers at once and are kept anonymised (text and name wiped), their record is cleared but for a ban, an audit entry is kept. Idempotent.",
    tags: ['authors'],
    auth: 'siteAdmin',
    params: authorParams,
    responses: { 200: { description: 'What this call erased.', schema: z.object({ erased: erasureSchema }) }, ...errorResponses },
    handler: async ({ deps, params, caller }) => {
      const known = await deps.redis.exists(
        deps.keys.author(params.siteId, params.authorId),
        deps.keys.authorComments(params.siteId, params.authorId),
        deps.keys.authorReports(params.siteId, params.authorId),
      );
      if (known === 0) throw errors.authorNotFound();
      const erased = await eraseAuthor(deps, params.siteId, params.authorId, actorOf(caller.moderator));
      return { status: 200, body: { erased } };
    },
  }),
];
