import { z } from 'zod';
import { REPORT_REASONS } from '../../protocol/comment.js';
import { errorResponses } from '../http/common-schemas.js';
import { defineRoute } from '../http/route-spec.js';
import { reportComment } from '../moderation/report-service.js';
import { resolveAuthor } from './author-identity.js';
import { CHALLENGE_HEADER } from '../../protocol/flood.js';
import { challengeErrorSchema } from '../../protocol/flood-schemas.js';
import { commentParams } from './comment-schemas.js';

export const reportRoutes = [
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/comments/:commentId/reports',
    operationId: 'reportComment',
    summary: 'A reader reports a published comment; one report per reader per comment.',
    tags: ['comments'],
    auth: 'site',
    params: commentParams,
    body: z
      .object({
        reason: z.enum(REPORT_REASONS),
        note: z.string().overwrite((s) => s.normalize('NFC').trim()).max(500).optional(),
      })
      .meta({ id: 'NewReport' }),
    headers: {
      'X-Site-Key': 'The site public key (required).',
      'X-SSO-Token': 'Optional: identifies the reader; else X-Device-Id, else the client address.',
      'X-Device-Id': 'Optional: tells anonymous readers apart.',
      [CHALLENGE_HEADER]: 'Optional: a solved proof-of-work challenge, after a 403 `challenge_required`.',
    },
    responses: {
      202: {
        description: 'Recorded (`duplicate: true` when this reader had already reported the comment).',
        schema: z.object({ reported: z.literal(true), duplicate: z.boolean() }),
      },
      ...errorResponses,
      403: { description: 'A proof of work is needed or the one sent is bad (`challenge_*`, as for posting).', schema: challengeErrorSchema },
      429: { description: 'Write limit reached (`rate_limited`).' },
    },
    handler: async ({ req, deps, params, body, site }) => {
      const reader = await resolveAuthor(site!, req);
      await deps.writeGate.admit({ site: site!, readerId: reader.id, ip: req.ip, solution: req.get(CHALLENGE_HEADER) });
      const recorded = await reportComment(deps, site!, {
        commentId: params.commentId,
        readerId: reader.id,
        reason: body.reason,
        ...(body.note ? { note: body.note } : {}),
      });
      return { status: 202, body: { reported: true, duplicate: !recorded } };
    },
  }),
];
