import { getComment } from '../../core/comments/comment-store.js';
import { statementOfReasons } from '../../core/comments/statement-of-reasons.js';
import { errors } from '../../core/errors.js';
import { errorResponses } from '../http/common-schemas.js';
import { errorBodySchema } from '../../protocol/error-schemas.js';
import { defineRoute } from '../http/route-spec.js';
import { resolveAuthor } from './author-identity.js';
import { commentParams } from './comment-schemas.js';
import { statementSchema } from '../../protocol/statement-schemas.js';


export const statementRoutes = [
  defineRoute({
    method: 'get',
    path: '/sites/:siteId/comments/:commentId/statement',
    operationId: 'getStatementOfReasons',
    summary:
      "The author's statement of reasons for their comment (EU DSA art. 17): why it is held or removed, which rule or model, which words, which threshold.",
    tags: ['comments'],
    auth: 'site',
    params: commentParams,
    headers: {
      'X-Site-Key': 'The site public key (required).',
      'X-SSO-Token': "The author's SSO token, for comments written signed in.",
      'X-Device-Id': "The author's device id, for comments written anonymously.",
    },
    responses: {
      200: { description: 'The statement.', schema: statementSchema },
      ...errorResponses,
      403: { description: 'The caller is not the author (`not_comment_author`) or a foreign Origin.', schema: errorBodySchema },
      404: { description: 'No such comment (`comment_not_found`).', schema: errorBodySchema },
    },
    handler: async ({ req, deps, params, site, res }) => {
      const reader = await resolveAuthor(site!, req);
      const comment = await getComment(deps, params.siteId, params.commentId);
      if (!comment) throw errors.commentNotFound();
      if (comment.author.id !== reader.id) throw errors.notCommentAuthor();
      res.setHeader('cache-control', 'private, no-store');
      return { status: 200, body: statementOfReasons(comment) };
    },
  }),
];
