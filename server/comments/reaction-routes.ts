import { z } from 'zod';
import { setReaction } from '../../core/comments/reactions.js';
import { errorResponses } from '../http/common-schemas.js';
import { defineRoute, type RouteContext } from '../http/route-spec.js';
import { resolveAuthor } from './author-identity.js';
import { commentParams } from './comment-schemas.js';
import { CHALLENGE_HEADER } from '../../protocol/flood.js';
import { challengeErrorSchema } from '../../protocol/flood-schemas.js';

const readerHeaders = {
  'X-Site-Key': 'The site public key (required).',
  'X-SSO-Token': 'Optional: a signed-in reader likes as themselves; else X-Device-Id, else the client address.',
  'X-Device-Id': 'Optional: tells anonymous readers apart.',
  [CHALLENGE_HEADER]: 'Optional: a solved proof-of-work challenge, after a 403 `challenge_required`.',
};
const reactionSchema = z
  .object({
    reactions: z.number().int().min(0).meta({ description: 'Readers who like the comment now.' }),
    reacted: z.boolean().meta({ description: 'Whether this reader likes it now.' }),
  })
  .meta({ id: 'Reaction' });
const responses = {
  200: { description: 'The like as it stands for this reader, and the count.', schema: reactionSchema },
  ...errorResponses,
  403: { description: 'A proof of work is needed or the one sent is bad (`challenge_*`, as for posting).', schema: challengeErrorSchema },
  404: { description: 'No published comment with this id (`comment_not_found`).' },
  429: { description: 'Write limit reached (`rate_limited`), see Retry-After.' },
};
// the reader is who the request says, never a field: nobody likes in another reader's name
const noBody = z.object({}).strict();

/** One like per reader: the reader's identity comes from the credentials, and the write gate counts it like any write. */
async function react(ctx: RouteContext<z.output<typeof commentParams>, unknown, unknown>, add: boolean) {
  const reader = await resolveAuthor(ctx.site!, ctx.req);
  await ctx.deps.writeGate.admit({ site: ctx.site!, readerId: reader.id, ip: ctx.req.ip, solution: ctx.req.get(CHALLENGE_HEADER) });
  const outcome = await setReaction(ctx.deps, { ...ctx.params, readerId: reader.id, add });
  return { status: 200, body: outcome };
}

export const reactionRoutes = [
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/comments/:commentId/reaction',
    operationId: 'addReaction',
    summary: "The reader likes a published comment (\"J'apprécie\"): one like per reader, so a second changes nothing.",
    tags: ['comments'],
    auth: 'site',
    params: commentParams,
    body: noBody,
    headers: readerHeaders,
    responses,
    handler: (ctx) => react(ctx, true),
  }),
  defineRoute({
    method: 'delete',
    path: '/sites/:siteId/comments/:commentId/reaction',
    operationId: 'removeReaction',
    summary: "The reader takes their like back; another reader's like stays.",
    tags: ['comments'],
    auth: 'site',
    params: commentParams,
    headers: readerHeaders,
    responses,
    handler: (ctx) => react(ctx, false),
  }),
];
