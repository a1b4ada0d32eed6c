import { z } from 'zod';
import { articlePolicySchema, articleSectionSchema, articleTitleSchema, articleUrlSchema } from '../../core/articles/article.js';
import { listArticles, listSections, requireArticle, updateArticle } from '../../core/articles/article-store.js';
import type { Caller } from '../http/route-spec.js';
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
    section: z.string().nullable().meta({ description: 'The newsroom\'s section ("Politique", "Sport"); queues filter by it.' }),
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
    section: articleSectionSchema.nullable().optional().meta({ description: 'Site admins only (403 `forbidden` otherwise): the article\'s section; null takes it out of its section.' }),
    closed: z.boolean().optional().meta({ description: 'true refuses new comments (`article_closed`); false reopens.' }),
    policy: articlePolicySchema
      .nullable()
      .optional()
      .meta({ description: "Replaces the article's policy override as a whole; null removes it." }),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'send at least one of title, url, section, closed, policy');

/** A section is the desk's organisation: a site admin's (or the admin token's) to change. */
const isSiteAdmin = (caller: Caller) => caller.kind === 'admin' || (caller.moderator?.role === 'admin' && (!caller.scope || caller.scope === 'admin'));

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
    path: '/sites/:siteId/sections',
    operationId: 'listSections',
    summary: "The site's sections (sent by the SDK with the article, or set by a site admin), with how many articles each has.",
    tags: ['articles'],
    auth: 'moderator',
    params: z.object({ siteId: idSchema }),
    responses: {
      200: {
        description: 'Sections, most articles first.',
        schema: z.object({ sections: z.array(z.object({ section: z.string(), articles: z.number().int() })) }),
      },
      ...errorResponses,
    },
    handler: async ({ deps, params }) => ({ status: 200, body: { sections: await listSections(deps, params.siteId) } }),
  }),
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
      section: articleSectionSchema.optional().meta({ description: 'Only the articles of this section (a listing reads at most 5,000 articles, then gives a cursor).' }),
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
      if (body.section !== undefined && !isSiteAdmin(caller)) throw errors.forbidden('Only a site admin changes the section of an article.');
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
