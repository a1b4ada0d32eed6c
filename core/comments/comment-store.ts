import type { CoreDeps } from '../deps.js';
import { errors } from '../errors.js';
import { digest } from '../ids.js';
import { EVENT_STREAM_MAXLEN } from '../events/site-event.js';
import type { SiteEvent } from '../../protocol/events.js';
import type { Comment } from '../../protocol/comment.js';
import type { AuthorKind } from '../../protocol/author.js';
import type { ArrivalSignals } from '../../protocol/flood.js';
import { commentFromHash, commentToHash } from './comment.js';
import { createCommentScript } from './create-comment-script.js';
import { STATS_TTL_SECONDS, utcDay } from '../stats/stats-fields.js';

/** How long an Idempotency-Key is remembered. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

export interface NewComment {
  siteId: string;
  articleId: string;
  parentId: string | null;
  author: { id: string; name: string; kind?: AuthorKind; email?: string; staff?: boolean };
  body: string;
  /** Client-chosen key; the same key from the same author returns the same comment. */
  idempotencyKey?: string;
  /** Title, canonical URL and section of the article page, stored with the article if it has none yet. */
  article?: { title?: string | undefined; url?: string | undefined; section?: string | undefined };
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
    author: { id: input.author.id, name: input.author.name, ...(input.author.staff ? { staff: true as const } : {}) },
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
    articleSection: input.article?.section ?? '',
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
      keys.sections(input.siteId),
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
  const out: Comment[] = [];
  for (const c of await readComments(deps, siteId, ids)) {
    if (c instanceof Error) throw c;
    if (c) out.push(c);
  }
  return out;
}

/**
 * Several comments of a site in one pipelined round trip, in the order asked: null for a missing
 * one, the error of its read alone for one that could not be read.
 */
export async function readComments(deps: CoreDeps, siteId: string, ids: readonly string[]): Promise<Array<Comment | null | Error>> {
  if (ids.length === 0) return [];
  const pipe = deps.redis.pipeline();
  for (const id of ids) pipe.hgetall(deps.keys.comment(siteId, id));
  const rows = (await pipe.exec()) ?? [];
  return ids.map((_, i) => {
    const [err, h] = rows[i] ?? [new Error('no reply in the pipeline'), null];
    return err ?? commentFromHash(h as Record<string, string>);
  });
}

export async function countApproved(deps: CoreDeps, siteId: string, articleId: string): Promise<number> {
  const n = await deps.redis.hget(deps.keys.article(siteId, articleId), 'approved');
  return Math.max(0, Number(n ?? 0));
}
