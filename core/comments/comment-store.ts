import type { CoreDeps } from '../deps.js';
import { errors } from '../errors.js';
import { digest } from '../ids.js';
import { EVENT_STREAM_MAXLEN } from '../events/site-event.js';
import type { SiteEvent } from '../../protocol/events.js';
import type { Comment, PublicComment } from '../../protocol/comment.js';
import type { ArrivalSignals } from '../../protocol/flood.js';
import { commentFromHash, commentToHash, toPublicComment } from './comment.js';
import { createCommentScript } from './create-comment-script.js';
import { STATS_TTL_SECONDS, utcDay } from '../stats/stats-fields.js';

/** How long an Idempotency-Key is remembered. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** Deepest reply level returned in a thread; deeper replies still exist but are not nested. */
export const MAX_REPLY_DEPTH = 4;
/** Most replies returned under one comment. */
export const MAX_REPLIES_PER_COMMENT = 200;

export interface NewComment {
  siteId: string;
  articleId: string;
  parentId: string | null;
  author: { id: string; name: string; kind?: 'sso' | 'anonymous'; email?: string };
  body: string;
  /** Client-chosen key; the same key from the same author returns the same comment. */
  idempotencyKey?: string;
  /** Title and canonical URL of the article page, stored with the article if it has none yet. */
  article?: { title?: string | undefined; url?: string | undefined };
  /** Set when the comment is refused on arrival (a banned author): it is stored as rejected. */
  rejectedOnArrival?: { reasons: Comment['reasons'] };
  /** What the write gate saw (new reader, device flood, compose time), for the checks and the moderators. */
  arrival?: ArrivalSignals;
}

export interface CreateResult {
  comment: Comment;
  /** False when the Idempotency-Key had already created this comment. */
  created: boolean;
}

export async function createComment(deps: CoreDeps, input: NewComment): Promise<CreateResult> {
  const { keys } = deps;
  const now = deps.now();
  const comment: Comment = {
    id: deps.newId(),
    siteId: input.siteId,
    articleId: input.articleId,
    parentId: input.parentId,
    author: { id: input.author.id, name: input.author.name },
    body: input.body,
    status: input.rejectedOnArrival ? 'rejected' : 'pending',
    createdAt: new Date(now).toISOString(),
    version: 1,
    ...(input.arrival ? { arrival: input.arrival } : {}),
    ...(input.rejectedOnArrival
      ? { reasons: input.rejectedOnArrival.reasons ?? [], decidedBy: 'auto', decidedAt: new Date(now).toISOString() }
      : {}),
  };
  const commentKey = keys.comment(input.siteId, comment.id);
  const idemKey = input.idempotencyKey
    ? keys.idempotency(input.siteId, digest(input.author.id, input.idempotencyKey))
    : commentKey;
  const parentKey = input.parentId ? keys.comment(input.siteId, input.parentId) : commentKey;
  const day = utcDay(now);
  const plan = {
    id: comment.id,
    idemTtl: input.idempotencyKey ? IDEMPOTENCY_TTL_SECONDS : 0,
    parentId: input.parentId ?? '',
    articleId: input.articleId,
    // pending: equal scores, so ULID order is arrival order; rejected: newest decision first
    score: comment.status === 'pending' ? 0 : -now,
    maxlen: EVENT_STREAM_MAXLEN,
    authorName: input.author.name,
    authorKind: input.author.kind ?? 'anonymous',
    authorEmail: input.author.email ?? '',
    createdAt: comment.createdAt,
    createdMs: now,
    status: comment.status,
    statsTtl: STATS_TTL_SECONDS,
    event: JSON.stringify({ type: 'comment.created', comment } satisfies SiteEvent),
    articleTitle: input.article?.title ?? '',
    articleUrl: input.article?.url ?? '',
  };
  const [outcome, id] = (await createCommentScript.run(
    deps.redis,
    [
      commentKey,
      keys.reviewQueue(input.siteId, comment.status),
      keys.events(input.siteId),
      keys.author(input.siteId, input.author.id),
      idemKey,
      parentKey,
      keys.articleAll(input.siteId, input.articleId),
      keys.authorComments(input.siteId, input.author.id),
      keys.statsDay(input.siteId, day),
      keys.statsDayArticles(input.siteId, day),
      keys.article(input.siteId, input.articleId),
      keys.articles(input.siteId),
    ],
    [JSON.stringify(plan), ...Object.entries(commentToHash(comment)).flat()],
  )) as [string, string];
  if (outcome === 'invalid_parent') throw errors.parentNotFound();
  if (outcome === 'article_closed') throw errors.articleClosed();
  if (outcome === 'existing') {
    const existing = await getComment(deps, input.siteId, id);
    if (!existing) throw errors.internal(new Error(`idempotency key points at missing comment ${id}`));
    return { comment: existing, created: false };
  }
  return { comment, created: true };
}

export async function getComment(deps: CoreDeps, siteId: string, commentId: string): Promise<Comment | null> {
  return commentFromHash(await deps.redis.hgetall(deps.keys.comment(siteId, commentId)));
}

export async function requireComment(deps: CoreDeps, siteId: string, commentId: string): Promise<Comment> {
  const c = await getComment(deps, siteId, commentId);
  if (!c) throw errors.commentNotFound();
  return c;
}

export async function getComments(deps: CoreDeps, siteId: string, ids: string[]): Promise<Comment[]> {
  if (ids.length === 0) return [];
  const pipe = deps.redis.pipeline();
  for (const id of ids) pipe.hgetall(deps.keys.comment(siteId, id));
  const rows = (await pipe.exec()) ?? [];
  const out: Comment[] = [];
  for (const [err, h] of rows) {
    if (err) throw err;
    const c = commentFromHash(h as Record<string, string>);
    if (c) out.push(c);
  }
  return out;
}

export interface ThreadPage {
  comments: PublicComment[];
  nextCursor: string | null;
}

/**
 * Approved top-level comments of an article, oldest first, each with its approved replies
 * nested. The cursor is the id of the last comment returned (ids sort by time).
 */
export async function listApprovedThread(
  deps: CoreDeps,
  siteId: string,
  articleId: string,
  opts: { limit: number; cursor?: string | undefined },
): Promise<ThreadPage> {
  const from = opts.cursor ? `(${opts.cursor}` : '-';
  const ids = await deps.redis.zrangebylex(
    deps.keys.articleRoots(siteId, articleId),
    from,
    '+',
    'LIMIT',
    0,
    opts.limit + 1,
  );
  const pageIds = ids.slice(0, opts.limit);
  const roots = (await getComments(deps, siteId, pageIds)).map(toPublicComment);
  await attachReplies(deps, siteId, roots, 1);
  return {
    comments: roots,
    nextCursor: ids.length > opts.limit ? (pageIds[pageIds.length - 1] ?? null) : null,
  };
}

// one pipelined round trip per nesting level, not per comment
async function attachReplies(
  deps: CoreDeps,
  siteId: string,
  parents: PublicComment[],
  depth: number,
): Promise<void> {
  if (parents.length === 0 || depth > MAX_REPLY_DEPTH) return;
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
  await attachReplies(deps, siteId, children, depth + 1);
}

export async function countApproved(deps: CoreDeps, siteId: string, articleId: string): Promise<number> {
  const n = await deps.redis.hget(deps.keys.article(siteId, articleId), 'approved');
  return Math.max(0, Number(n ?? 0));
}
