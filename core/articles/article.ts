import { z } from 'zod';
import type { Article, ArticlePolicy, ArticleRef } from '../../protocol/article.js';


export const MAX_ARTICLE_TITLE_CHARS = 300;
export const MAX_ARTICLE_URL_CHARS = 2000;

// NFC first so an accented title counts characters the way the reader sees them
export const articleTitleSchema = z
  .string()
  .overwrite((s) => s.normalize('NFC').trim())
  .min(1)
  .max(MAX_ARTICLE_TITLE_CHARS);

export const MAX_SECTION_CHARS = 60;

/** A section of the newsroom ("Politique", "Sport"): its name as written, NFC, trimmed. */
export const articleSectionSchema = z
  .string()
  .overwrite((s) => s.normalize('NFC').trim())
  .min(1)
  .max(MAX_SECTION_CHARS)
  .meta({ description: 'The newsroom\'s section of the article ("Politique", "Sport"), 1..60 characters; moderation queues filter by it.' });

/** The canonical URL of an article page: http(s) only, no credentials. */
export const articleUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(MAX_ARTICLE_URL_CHARS)
  .refine((u) => {
    const url = new URL(u);
    return !url.username && !url.password;
  }, 'an article URL carries no user name or password');

const partialPair = z.object({ hold: z.number().min(0).max(1).optional(), reject: z.number().min(0).max(1).optional() }).strict();

/** What one article may change of the site's policy; the rest (words, providers, surges) stays site-wide. */
export const articlePolicySchema = z
  .object({
    mode: z.enum(['pre', 'post']).optional(),
    thresholds: z.object({ toxicity: partialPair.optional(), spam: partialPair.optional(), severe: partialPair.optional() }).strict().optional(),
    holdLinks: z.boolean().optional(),
    holdFirstComments: z.boolean().optional(),
    maxLinks: z.number().int().min(0).max(100).optional(),
  })
  .strict()
  .meta({ id: 'ArticlePolicy' }) satisfies z.ZodType<ArticlePolicy>;

/** Article hash fields (core/redis/keys.ts `article`); `approved` is kept by the transition script. */
export function articleFromHash(siteId: string, articleId: string, h: Record<string, string>, nowMs: number): Article {
  const surgeUntil = Number(h.surgeUntil ?? 0);
  return {
    id: articleId,
    siteId,
    title: h.title || null,
    url: h.url || null,
    section: h.section || null,
    closed: h.closed === '1',
    policy: h.policy ? (JSON.parse(h.policy) as ArticlePolicy) : null,
    firstSeenAt: h.firstSeenAt || null,
    approved: Math.max(0, Number(h.approved ?? 0)),
    surge:
      surgeUntil > nowMs
        ? { startedAt: new Date(Number(h.surgeStartedAt ?? 0)).toISOString(), until: new Date(surgeUntil).toISOString() }
        : null,
  };
}

/** The part of an article moderators see next to a comment. */
export const articleRefOf = (a: {
  id: string;
  title?: string | null | undefined;
  url?: string | null | undefined;
  section?: string | null | undefined;
}): ArticleRef => ({
  id: a.id,
  ...(a.title ? { title: a.title } : {}),
  ...(a.url ? { url: a.url } : {}),
  ...(a.section ? { section: a.section } : {}),
});
