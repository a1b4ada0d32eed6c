import { z } from 'zod';
import { articlePolicySchema, articleTitleSchema, articleUrlSchema } from '../../core/articles/article.js';
import { listArticles, requireArticle, updateArticle } from '../../core/articles/article-store.js';
import { errorResponses } from '../http/common-schemas.js';
import { idSchema } from '../../protocol/id-schemas.js';
import { defineRoute } from '../http/route-spec.js';
import { articleParams } from '../comments/comment-schemas.js';
import { actorOf } from '../moderation/actor.js';
import { mergePolicy } from '../../core/sites/site-store.js';
import type { Policy } from '../../core/sites/policy.js';
import { errors } from '../../core/errors.js';
import type { ArticlePolicy } from '../../protocol/article.js';

const articleSchema = z
  .object({
    id: z.string(),
    siteId: z.string(),
    title: z.string().nullable(),
    url: z.string().nullable(),
    closed: z.boolean(),
    policy: articlePolicySchema.nullable(),
    firstSeenAt: z.string().nullable(),
    approved: z.number().int(),
    surge: z
      .object({ startedAt: z.string(), until: z.string() })
      .nullable()
      .meta({ description: 'Set while a surge holds every comment for a human.' }),
  })
  .meta({ id: 'Article' });

const articlePatchBody = z
  .object({
    title: articleTitleSchema.optional(),
    url: articleUrlSchema.optional(),
    closed: z.boolean().optional().meta({ description: 'true refuses new comments (`article_closed`); false reopens.' }),
    policy: articlePolicySchema
      .nullable()
      .optional()
      .meta({ description: "Replaces the article's policy override as a whole; null removes it." }),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'send at least one of title, url, closed, policy');

/** An override is stored as sent, but must make a valid policy once merged over the site's. */
function checkCombines(site: Policy, override: ArticlePolicy): void {
  try {
    mergePolicy(site, override);
  } catch (err) {
    const issues = err instanceof z.ZodError ? err.issues : [];
    throw errors.validation(issues, 'The policy override does not combine with the site policy.');
  }
}

const notFound = { 404: { description: 'Unknown site, or an article never seen (`article_not_found`).' } };

export const articleRoutes = [
  defineRoute({
    method: 'get',
    path: '/sites/:siteId/articles',
    operationId: 'listArticles',
    summary: "The site's articles, most recently first seen first.",
    tags: ['articles'],
    auth: 'moderator',
    params: z.object({ siteId: idSchema }),
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).default(50),
      cursor: z.string().regex(/^\d{1,16}\|[A-Za-z0-9._~-]{1,200}$/, 'must be a cursor returned by this route').optional(),
    }),
    responses: {
      200: {
        description: 'One page of articles.',
        schema: z.object({ articles: z.array(articleSchema), nextCursor: z.string().nullable() }),
      },
      ...errorResponses,
    },
    handler: async ({ deps, params, query }) => ({ status: 200, body: await listArticles(deps, params.siteId, query) }),
  }),
  defineRoute({
    method: 'get',
    path: '/sites/:siteId/articles/:articleId',
    operationId: 'getArticle',
    summary: 'An article: title, url, closed, policy override, approved count and any surge in progress.',
    tags: ['articles'],
    auth: 'moderator',
    params: articleParams,
    responses: {
      200: { description: 'The article.', schema: z.object({ article: articleSchema }) },
      ...errorResponses,
      ...notFound,
    },
    handler: async ({ deps, params }) => ({
      status: 200,
      body: { article: await requireArticle(deps, params.siteId, params.articleId) },
    }),
  }),
  defineRoute({
    method: 'patch',
    path: '/sites/:siteId/articles/:articleId',
    operationId: 'updateArticle',
    summary:
      'Change the title or url, close or reopen comments, or set the policy override of an article (registered if never seen). Audited; moderators get `article.updated`.',
    tags: ['articles'],
    auth: 'moderator',
    params: articleParams,
    body: articlePatchBody,
    responses: {
      200: { description: 'The article as changed.', schema: z.object({ article: articleSchema }) },
      ...errorResponses,
    },
    handler: async ({ deps, params, body, caller, site }) => {
      if (body.policy && site) checkCombines(site.policy, body.policy);
      const article = await updateArticle(deps, {
        siteId: params.siteId,
        articleId: params.articleId,
        patch: body,
        actor: actorOf(caller.moderator),
      });
      return { status: 200, body: { article } };
    },
  }),
];
