import { z } from 'zod';
import { errors } from '../../core/errors.js';
import { countApproved, createComment, requireComment } from '../../core/comments/comment-store.js';
import { listApprovedThread } from '../../core/comments/approved-thread.js';
import { toPublicComment } from '../../core/comments/comment.js';
import { reportSummaries } from '../../core/comments/reports.js';
import { errorResponses } from '../http/common-schemas.js';
import { defineRoute } from '../http/route-spec.js';
import { challengeErrorSchema } from '../../protocol/flood-schemas.js';
import { authorFromHash } from '../../core/authors/author-store.js';
import { CHALLENGE_HEADER } from '../../protocol/flood.js';
import { isArticleClosed } from '../../core/articles/article-store.js';
import { resolveAuthor } from './author-identity.js';
import { articleParams, commentParams, idempotencyKeySchema, listCommentsQuery, postCommentBody } from './comment-schemas.js';
import { commentSchema, publicCommentSchema } from '../../protocol/comment-schemas.js';
import { reasonSource } from '../../protocol/reason.js';

/** A banned author's comment is refused on arrival with the reason the bannedAuthor check would give. */
export const refusedOnArrival = reasonSource('bannedAuthor', ['author_banned']);

const siteKeyHeader = { 'X-Site-Key': 'The site public key (required).' };

export const commentRoutes = [
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/articles/:articleId/comments',
    operationId: 'postComment',
    summary: 'Post a comment; it is stored as pending and scored off the request path.',
    tags: ['comments'],
    auth: 'site',
    params: articleParams,
    body: postCommentBody,
    headers: {
      ...siteKeyHeader,
      'Idempotency-Key': 'Optional. Retrying with the same key returns the same comment.',
      'X-Device-Id': 'Optional. Tells anonymous readers apart (made by the SDK).',
      'X-SSO-Token': "Optional. The reader's single sign-on JWT (HS256, signed with the site's ssoSecret, aud = site id).",
      [CHALLENGE_HEADER]: 'Optional. A solved proof-of-work challenge (base64 JSON `{challenge, solution}`), sent again after a 403 `challenge_required`.',
    },
    responses: {
      202: { description: 'Accepted, status pending.', schema: z.object({ comment: publicCommentSchema }) },
      ...errorResponses,
      413: { description: 'Body over 64 KB (`payload_too_large`).' },
      403: {
        description:
          'Solve the proof of work first (`challenge_required`), or the solution sent is bad (`challenge_invalid`, `challenge_expired`, `challenge_replayed`); `details` carries a fresh challenge. Also `origin_not_allowed`, `forbidden`.',
        schema: challengeErrorSchema,
      },
      409: { description: 'Comments are closed on this article (`article_closed`).' },
      429: { description: "The reader's limit or the address's flood ceiling is reached (`rate_limited`), see Retry-After." },
      503: {
        description:
          'Storage unavailable (`storage_unavailable`) or full (`storage_full`); with DURABILITY=replica, no Redis replica ' +
          'confirmed the comment in time (`durability_unavailable`): retry with the same Idempotency-Key. See Retry-After.',
      },
    },
    handler: async ({ req, deps, params, body, site }) => {
      const idempotencyKey = req.get('idempotency-key');
      if (idempotencyKey !== undefined && !idempotencyKeySchema.safeParse(idempotencyKey).success) {
        throw errors.validation([
          { in: 'header', path: 'Idempotency-Key', message: 'must be 1-200 printable ASCII characters' },
        ]);
      }
      const author = await resolveAuthor(site!, req);
      const admitted = await deps.writeGate.admit({
        site: site!,
        readerId: author.id,
        ip: req.ip,
        articleId: params.articleId,
        solution: req.get(CHALLENGE_HEADER),
      });
      const profile = authorFromHash(author.id, admitted.author, deps.now());
      // DURABILITY=replica: written on the connection whose WAIT below confirms a replica has it
      const { comment, created } = await createComment(deps.durability.writeDeps(deps), {
        siteId: params.siteId,
        articleId: params.articleId,
        parentId: body.parentId ?? null,
        author: {
          id: author.id,
          name: author.name ?? body.author.name,
          kind: author.kind,
          ...(author.email ? { email: author.email } : {}),
          ...(author.staff ? { staff: true } : {}),
        },
        body: body.body,
        ...(body.article ? { article: body.article } : {}),
        ...(idempotencyKey ? { idempotencyKey } : {}),
        arrival: { ...admitted.arrival, ...(body.composeMs !== undefined ? { composeMs: body.composeMs } : {}) },
        // a banned author's comments are refused on arrival, and kept for the moderators to see
        ...(profile.banned
          ? {
              rejectedOnArrival: {
                reasons: [
                  refusedOnArrival.reason(
                    'author_banned',
                    `Author is banned${profile.bannedUntil ? ` until ${profile.bannedUntil}` : ''}: ${profile.banReason ?? ''}`.trim(),
                  ),
                ],
              },
            }
          : {}),
      });
      if (created && comment.status === 'rejected') deps.metrics.countAutoDecision('rejected'); // a banned author
      if (created && comment.status === 'pending') {
        // Answered without waiting for the job, so the batching linger (MODERATION_BATCH_LINGER_MS)
        // stays out of the reader's wait. Stored is what counts: a job that never comes (a
        // failed add, a crash before it) is made by the reconciler, and a stopping server drains
        // what lingers (server/palabre-server.ts).
        void deps.enqueuer.enqueue({ siteId: params.siteId, commentId: comment.id }).catch(() => {});
      }
      // a repeated Idempotency-Key waits too: the first answer may have been a 503
      await deps.durability.confirm(params.siteId);
      return { status: 202, body: { comment: toPublicComment(comment) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/sites/:siteId/articles/:articleId/comments',
    operationId: 'listComments',
    summary: "Approved comments of an article in the reader's order (oldest first by default), replies nested under their parent.",
    tags: ['comments'],
    auth: 'site',
    params: articleParams,
    query: listCommentsQuery,
    headers: {
      ...siteKeyHeader,
      'X-Device-Id': 'Optional: with it (or X-SSO-Token) every comment says whether this reader likes it (`reacted`).',
      'X-SSO-Token': 'Optional: identifies a signed-in reader, for `reacted`.',
    },
    responses: {
      200: {
        description: 'One page of the thread.',
        schema: z.object({
          comments: z.array(publicCommentSchema),
          nextCursor: z.string().nullable(),
          closed: z.boolean().meta({ description: 'New comments are refused (`article_closed`): hide the form.' }),
        }),
      },
      ...errorResponses,
    },
    handler: async ({ req, deps, params, query, site }) => {
      // a reader who says who they are learns which comments they like; a bad token only loses that
      const reader = await resolveAuthor(site!, req).catch(() => undefined);
      const [page, closed] = await Promise.all([
        listApprovedThread(deps, params.siteId, params.articleId, { ...query, readerId: reader?.id }),
        isArticleClosed(deps, params.siteId, params.articleId),
      ]);
      return { status: 200, body: { ...page, closed } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/sites/:siteId/articles/:articleId/count',
    operationId: 'countComments',
    summary: 'Number of approved comments of an article.',
    tags: ['comments'],
    auth: 'site',
    params: articleParams,
    headers: siteKeyHeader,
    responses: {
      200: { description: 'The count.', schema: z.object({ approved: z.number().int() }) },
      ...errorResponses,
    },
    handler: async ({ deps, params }) => ({
      status: 200,
      body: { approved: await countApproved(deps, params.siteId, params.articleId) },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/sites/:siteId/comments/:commentId',
    operationId: 'getComment',
    summary: 'The full record of a comment in any status, with scores and reasons.',
    tags: ['moderation'],
    auth: 'moderator',
    params: commentParams,
    responses: {
      200: { description: 'The comment.', schema: z.object({ comment: commentSchema }) },
      ...errorResponses,
    },
    handler: async ({ deps, params }) => {
      const comment = await requireComment(deps, params.siteId, params.commentId);
      const reports = (await reportSummaries(deps, params.siteId, [comment.id])).get(comment.id);
      return { status: 200, body: { comment: reports ? { ...comment, reports } : comment } };
    },
  }),
];
