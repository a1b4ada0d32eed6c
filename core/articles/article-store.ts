import { errors } from '../errors.js';
import { AUDIT_MAXLEN, auditJson, type AuditActor } from '../audit/audit-log.js';
import type { CoreDeps } from '../deps.js';
import { EVENT_STREAM_MAXLEN } from '../events/site-event.js';
import type { SiteEvent } from '../../protocol/events.js';
import { articleFromHash, articleRefOf } from './article.js';
import type { Article, ArticlePolicy, ArticleRef } from '../../protocol/article.js';

/** What a moderator or site admin may change; `policy: null` removes the article's override. */
export interface ArticlePatch {
  title?: string;
  url?: string;
  closed?: boolean;
  policy?: ArticlePolicy | null;
}

const exists = (h: Record<string, string>) => Object.keys(h).length > 0;

export async function getArticle(deps: CoreDeps, siteId: string, articleId: string): Promise<Article | null> {
  const h = await deps.redis.hgetall(deps.keys.article(siteId, articleId));
  return exists(h) ? articleFromHash(siteId, articleId, h, deps.now()) : null;
}

export async function requireArticle(deps: CoreDeps, siteId: string, articleId: string): Promise<Article> {
  const a = await getArticle(deps, siteId, articleId);
  if (!a) throw errors.articleNotFound();
  return a;
}

/** Title and url of each article, for showing next to a page of comments (one pipelined read). */
export async function articleRefs(deps: CoreDeps, siteId: string, articleIds: Iterable<string>): Promise<Record<string, ArticleRef>> {
  const ids = [...new Set(articleIds)];
  if (ids.length === 0) return {};
  const pipe = deps.redis.pipeline();
  for (const id of ids) pipe.hmget(deps.keys.article(siteId, id), 'title', 'url');
  const rows = (await pipe.exec()) ?? [];
  return Object.fromEntries(
    ids.map((id, i) => {
      const [title, url] = (rows[i]?.[1] ?? []) as Array<string | null>;
      return [id, articleRefOf({ id, title: title ?? null, url: url ?? null })];
    }),
  );
}

/** The site's articles, most recently first seen first; the cursor is `ms|id` of the last one returned. */
export async function listArticles(
  deps: CoreDeps,
  siteId: string,
  opts: { limit: number; cursor?: string | undefined },
): Promise<{ articles: Article[]; nextCursor: string | null }> {
  const [cursorMs, cursorId] = (opts.cursor ?? '').split('|');
  const max = cursorMs && Number.isFinite(Number(cursorMs)) ? cursorMs : '+inf';
  // entries sharing the cursor's time were returned down to the cursor's id (reverse lex order)
  const flat = await deps.redis.zrevrangebyscore(deps.keys.articles(siteId), max, '-inf', 'WITHSCORES', 'LIMIT', 0, opts.limit + 50);
  const entries: Array<{ id: string; ms: string }> = [];
  for (let i = 0; i < flat.length; i += 2) {
    const id = flat[i]!;
    const ms = flat[i + 1]!;
    if (max !== '+inf' && ms === cursorMs && cursorId !== undefined && id >= cursorId) continue;
    entries.push({ id, ms });
  }
  const page = entries.slice(0, opts.limit);
  const pipe = deps.redis.pipeline();
  for (const e of page) pipe.hgetall(deps.keys.article(siteId, e.id));
  const rows = (await pipe.exec()) ?? [];
  const now = deps.now();
  const articles = page.map((e, i) => articleFromHash(siteId, e.id, (rows[i]?.[1] ?? {}) as Record<string, string>, now));
  const last = page[page.length - 1];
  return { articles, nextCursor: entries.length > opts.limit && last ? `${last.ms}|${last.id}` : null };
}

/** The audit action of a change: closing and reopening are named, anything else is an update. */
const actionOf = (before: Article, after: Article) =>
  before.closed === after.closed ? 'article.update' : after.closed ? 'article.close' : 'article.reopen';

/**
 * Changes an article's metadata, closed state or policy override (registering the article if
 * it was never seen), with an audit entry and an `article.updated` event in the same MULTI.
 */
export async function updateArticle(
  deps: CoreDeps,
  input: { siteId: string; articleId: string; patch: ArticlePatch; actor: AuditActor },
): Promise<Article> {
  const { siteId, articleId, patch } = input;
  const key = deps.keys.article(siteId, articleId);
  const now = deps.now();
  const current = await deps.redis.hgetall(key);
  const before = articleFromHash(siteId, articleId, current, now);
  const set: Record<string, string> = {};
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.url !== undefined) set.url = patch.url;
  if (patch.closed !== undefined) set.closed = patch.closed ? '1' : '0';
  if (patch.policy) set.policy = JSON.stringify(patch.policy);
  const firstSeenAt = current.firstSeenAt ?? new Date(now).toISOString();
  const afterHash: Record<string, string> = { ...current, ...set, firstSeenAt };
  if (patch.policy === null) delete afterHash.policy;
  const after = articleFromHash(siteId, articleId, afterHash, now);
  const changes = (['title', 'url', 'closed', 'policy'] as const).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  const event: SiteEvent = { type: 'article.updated', siteId, article: after, changes, moderatorId: input.actor.id };
  const tx = deps.redis.multi().hset(key, { ...set, firstSeenAt });
  if (patch.policy === null) tx.hdel(key, 'policy');
  tx.zadd(deps.keys.articles(siteId), 'NX', Date.parse(firstSeenAt), articleId)
    .xadd(deps.keys.audit(siteId), 'MAXLEN', '~', String(AUDIT_MAXLEN), '*', 'd', auditJson({
      at: new Date(now).toISOString(),
      actor: input.actor,
      action: actionOf(before, after),
      target: { type: 'article', id: articleId },
      before: { ...articleRefOf(before), closed: before.closed, policy: before.policy },
      after: { ...articleRefOf(after), closed: after.closed, policy: after.policy },
    }))
    .xadd(deps.keys.events(siteId), 'MAXLEN', '~', String(EVENT_STREAM_MAXLEN), '*', 't', event.type, 'd', JSON.stringify(event));
  await tx.exec();
  return after;
}

/** Whether new comments are refused on the article (readers' widget hides its form). */
export async function isArticleClosed(deps: CoreDeps, siteId: string, articleId: string): Promise<boolean> {
  return (await deps.redis.hget(deps.keys.article(siteId, articleId), 'closed')) === '1';
}
