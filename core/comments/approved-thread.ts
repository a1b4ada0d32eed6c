import type { CoreDeps } from '../deps.js';
import type { PublicComment, ThreadSort } from '../../protocol/comment.js';
import { toPublicComment } from './comment.js';
import { getComments } from './comment-store.js';
import { featuredRoots } from './featured.js';
import { reactedBy } from './reactions.js';

/** Deepest reply level returned in a thread; deeper replies still exist but are not nested. */
export const MAX_REPLY_DEPTH = 4;
/** Most replies returned under one comment. */
export const MAX_REPLIES_PER_COMMENT = 200;

export interface ThreadQuery {
  limit: number;
  /** The id of the last top-level comment of the previous page. */
  cursor?: string | undefined;
  /** @default 'oldest' */
  sort?: ThreadSort | undefined;
  /** The newsroom's picks first, on the first page, and not again further down. */
  featuredFirst?: boolean | undefined;
  /** The reader asking, to say which comments they like. */
  readerId?: string | undefined;
}

export interface ThreadPage {
  comments: PublicComment[];
  nextCursor: string | null;
}

/**
 * Approved top-level comments of an article in the reader's order, each with its approved
 * replies nested (oldest first). The cursor is the id of the last top-level comment returned.
 */
export async function listApprovedThread(deps: CoreDeps, siteId: string, articleId: string, q: ThreadQuery): Promise<ThreadPage> {
  const picks = q.featuredFirst ? await featuredRoots(deps, siteId, articleId) : [];
  const skip = new Set(picks.map((c) => c.id));
  // enough ids to fill the page once the picks, shown above, are left out
  const ids = await rootIds(deps, siteId, articleId, q.sort ?? 'oldest', q.cursor, q.limit + 1 + skip.size);
  const kept = ids.filter((id) => !skip.has(id));
  const pageIds = kept.slice(0, q.limit);
  const roots = [...(q.cursor ? [] : picks), ...(await getComments(deps, siteId, pageIds))].map(toPublicComment);
  const all = await attachReplies(deps, siteId, roots, 1);
  if (q.readerId) {
    const liked = await reactedBy(deps, siteId, q.readerId, all.map((c) => c.id));
    for (const c of all) c.reacted = liked.has(c.id);
  }
  return { comments: roots, nextCursor: kept.length > q.limit ? (pageIds[pageIds.length - 1] ?? null) : null };
}

/** Up to `count` top-level comment ids after the cursor, in the order asked for. */
async function rootIds(deps: CoreDeps, siteId: string, articleId: string, sort: ThreadSort, cursor: string | undefined, count: number): Promise<string[]> {
  const roots = deps.keys.articleRoots(siteId, articleId);
  if (sort === 'oldest') return deps.redis.zrangebylex(roots, cursor ? `(${cursor}` : '-', '+', 'LIMIT', 0, count);
  if (sort === 'newest') return deps.redis.zrevrangebylex(roots, cursor ? `(${cursor}` : '+', '-', 'LIMIT', 0, count);
  const ranked = deps.keys.articleRanked(siteId, articleId, sort);
  await ensureRanked(deps, siteId, articleId, sort);
  // most first; equal counts newest first (members tie-break by id, and ids sort by time)
  const at = cursor ? await deps.redis.zrevrank(ranked, cursor) : null;
  const start = at === null ? 0 : at + 1; // a cursor that left the thread starts over: the widget shows each comment once
  return deps.redis.zrevrange(ranked, start, start + count - 1);
}

/**
 * The ranking holds every published top-level comment. Articles published before rankings
 * existed (or imported) get theirs on their first ranked read; afterwards the transition and
 * reaction scripts keep it. Not atomic: a change racing the first build only nudges an order.
 */
async function ensureRanked(deps: CoreDeps, siteId: string, articleId: string, by: 'replies' | 'reactions'): Promise<void> {
  const roots = deps.keys.articleRoots(siteId, articleId);
  const ranked = deps.keys.articleRanked(siteId, articleId, by);
  const [rootCount, rankedCount] = await Promise.all([deps.redis.zcard(roots), deps.redis.zcard(ranked)]);
  if (rootCount === rankedCount) return;
  const ids = await deps.redis.zrange(roots, '0', '-1');
  const pipe = deps.redis.pipeline();
  for (const id of ids) {
    if (by === 'replies') pipe.zcard(deps.keys.replies(siteId, id));
    else pipe.hget(deps.keys.comment(siteId, id), 'reactions');
  }
  const counts = ((await pipe.exec()) ?? []).map(([, n]) => Number(n ?? 0));
  const write = deps.redis.multi().del(ranked);
  if (ids.length > 0) write.zadd(ranked, ...ids.flatMap((id, i) => [String(counts[i] ?? 0), id]));
  await write.exec();
}

/** Nests the approved replies under their parents, one pipelined round trip per level; returns every comment of the tree. */
async function attachReplies(deps: CoreDeps, siteId: string, parents: PublicComment[], depth: number): Promise<PublicComment[]> {
  if (parents.length === 0 || depth > MAX_REPLY_DEPTH) return parents;
  const pipe = deps.redis.pipeline();
  for (const p of parents) pipe.zrange(deps.keys.replies(siteId, p.id), '0', String(MAX_REPLIES_PER_COMMENT - 1));
  const rows = (await pipe.exec()) ?? [];
  const allIds = rows.flatMap(([, ids]) => ids as string[]);
  const byId = new Map((await getComments(deps, siteId, allIds)).map((c) => [c.id, toPublicComment(c)]));
  const children: PublicComment[] = [];
  parents.forEach((p, i) => {
    const ids = (rows[i]?.[1] as string[] | undefined) ?? [];
    p.replies = ids.map((id) => byId.get(id)).filter((c): c is PublicComment => c !== undefined);
    children.push(...p.replies);
  });
  return [...parents, ...(await attachReplies(deps, siteId, children, depth + 1))];
}
