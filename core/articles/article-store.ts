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
  /** A site admin's choice; `null` takes the article out of every section. */
  section?: string | null;
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
  for (const id of ids) pipe.hmget(deps.keys.article(siteId, id), 'title', 'url', 'section');
  const rows = (await pipe.exec()) ?? [];
  return Object.fromEntries(
    ids.map((id, i) => {
      const [title, url, section] = (rows[i]?.[1] ?? []) as Array<string | null>;
      return [id, articleRefOf({ id, title, url, section })];
    }),
  );
}

/** The site's sections with how many articles each has, most used first. */
export async function listSections(deps: CoreDeps, siteId: string): Promise<Array<{ section: string; articles: number }>> {
  const flat = await deps.redis.zrevrangebyscore(deps.keys.sections(siteId), '+inf', '1', 'WITHSCORES');
  const out: Array<{ section: string; articles: number }> = [];
  for (let i = 0; i < flat.length; i += 2) out.push({ section: flat[i]!, articles: Number(flat[i + 1]) });
  return out;
}

/** Most articles one section-filtered listing reads before answering with a cursor. */
const MAX_ARTICLE_SCAN = 5000;

/**
 * The site's articles, most recently first seen first; the cursor is `ms|id` of the last one
 * read. With `section`, only that section's articles: a listing reads at most 5,000 articles,
 * then answers with what it found and a cursor to go on.
 */
export async function listArticles(
  deps: CoreDeps,
  siteId: string,
  opts: { limit: number; cursor?: string | undefined; section?: string | undefined },
): Promise<{ articles: Article[]; nextCursor: string | null }> {
  const now = deps.now();
  const found: Article[] = [];
  let cursor = opts.cursor;
  let scanned = 0;
  while (found.length < opts.limit && scanned < MAX_ARTICLE_SCAN) {
    const page = await articlesAfter(deps, siteId, cursor, opts.section ? 200 : opts.limit - found.length);
    if (page.length === 0) return { articles: found, nextCursor: null };
    scanned += page.length;
    for (const { id, ms, hash } of page) {
      cursor = `${ms}|${id}`;
      if (opts.section !== undefined && hash.section !== opts.section) continue;
      found.push(articleFromHash(siteId, id, hash, now));
      if (found.length === opts.limit) break;
    }
  }
  // one more look, so the last page does not promise a next one
  const more = cursor !== undefined && (await articlesAfter(deps, siteId, cursor, 1)).length > 0;
  return { articles: found, nextCursor: more ? (cursor ?? null) : null };
}

/** Up to `count` articles after the cursor, newest first, with their hashes (one pipelined read). */
async function articlesAfter(deps: CoreDeps, siteId: string, cursor: string | undefined, count: number) {
  const [cursorMs, cursorId] = (cursor ?? '').split('|');
  const max = cursorMs && Number.isFinite(Number(cursorMs)) ? cursorMs : '+inf';
  // entries sharing the cursor's time were returned down to the cursor's id (reverse lex order)
  const flat = await deps.redis.zrevrangebyscore(deps.keys.articles(siteId), max, '-inf', 'WITHSCORES', 'LIMIT', 0, count + 50);
  const entries: Array<{ id: string; ms: string }> = [];
  for (let i = 0; i < flat.length && entries.length < count; i += 2) {
    const id = flat[i]!;
    const ms = flat[i + 1]!;
    if (max !== '+inf' && ms === cursorMs && cursorId !== undefined && id >= cursorId) continue;
    entries.push({ id, ms });
  }
  const pipe = deps.redis.pipeline();
  for (const e of entries) pipe.hgetall(deps.keys.article(siteId, e.id));
  const rows = (await pipe.exec()) ?? [];
  return entries.map((e, i) => ({ ...e, hash: (rows[i]?.[1] ?? {}) as Record<string, string> }));
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
  if (patch.section) set.section = patch.section;
  const firstSeenAt = current.firstSeenAt ?? new Date(now).toISOString();
  const afterHash: Record<string, string> = { ...current, ...set, firstSeenAt };
  if (patch.policy === null) delete afterHash.policy;
  if (patch.section === null) delete afterHash.section;
  const after = articleFromHash(siteId, articleId, afterHash, now);
  const changes = (['title', 'url', 'section', 'closed', 'policy'] as const).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  const event: SiteEvent = { type: 'article.updated', siteId, article: after, changes, moderatorId: input.actor.id };
  const tx = deps.redis.multi().hset(key, { ...set, firstSeenAt });
  if (patch.policy === null) tx.hdel(key, 'policy');
  if (patch.section === null) tx.hdel(key, 'section');
  // the site's list of sections counts the articles in each
  if (before.section !== after.section) {
    if (before.section) tx.zincrby(deps.keys.sections(siteId), -1, before.section);
    if (after.section) tx.zincrby(deps.keys.sections(siteId), 1, after.section);
  }
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
