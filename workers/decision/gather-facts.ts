import type { ChainableCommander } from 'ioredis';
import type { Comment } from '../../protocol/comment.js';
import type { CoreDeps } from '../../core/deps.js';
import type { Policy } from '../../core/sites/policy.js';
import type { AuthorHistory, RecentActivity } from '../checks/types.js';

const DAY_S = 24 * 3600;
const HOUR_S = 3600;
/**
 * Windows are counted with ZCOUNT over their span, so members older than the span need not be
 * removed on every comment: one comment in TRIM_EVERY trims them (and a window left alone
 * expires whole). Saves about 2.6 Redis commands per comment; a busy window holds at most
 * TRIM_EVERY stale members more than it counts.
 */
const TRIM_EVERY = 8;
const trimTurn = (commentId: string) => commentId.charCodeAt(commentId.length - 1) % TRIM_EVERY === 0;

/** One comment to gather facts for: its normalised text's fingerprint and near-same group, and its site's policy. */
export interface FactsRequest {
  comment: Comment;
  fingerprint: string;
  group: string;
  policy: Policy;
}

export interface Facts {
  author: AuthorHistory;
  recent: RecentActivity;
  article: Record<string, string>;
}

/**
 * Reads what the checks need to know about the author and the article (its stored hash: policy
 * override, surge) and records this comment for the duplicate (exact and near-same text) and
 * velocity windows, in one round trip. Members are comment or author ids and scores are the comment's own time, so a retried
 * job counts the comment once.
 */
export async function gatherFacts(deps: CoreDeps, request: FactsRequest): Promise<Facts> {
  const [facts] = await gatherFactsOfBatch(deps, [request]);
  return facts!;
}

/**
 * `gatherFacts` for every comment of a batch (one site) in one pipelined round trip: each
 * comment's commands as for one, one comment after the other in the batch's order.
 */
export async function gatherFactsOfBatch(deps: CoreDeps, requests: readonly FactsRequest[]): Promise<Facts[]> {
  if (requests.length === 0) return [];
  const pipeline = deps.redis.pipeline();
  const readers = requests.map((r) => queueFactCommands(deps, pipeline, r));
  const rows = (await pipeline.exec()) ?? [];
  let offset = 0;
  return readers.map(({ count, read }) => {
    const own = rows.slice(offset, offset + count);
    offset += count;
    return read(own);
  });
}

type Rows = Array<[Error | null, unknown]>;

/** Adds one comment's fact commands to the pipeline; returns how many it added and how to read their replies. */
function queueFactCommands(deps: CoreDeps, pipeline: ChainableCommander, request: FactsRequest): { count: number; read: (rows: Rows) => Facts } {
  const { keys } = deps;
  const { comment, fingerprint, group, policy } = request;
  const at = Date.parse(comment.createdAt);
  const windowS = policy.velocity.perSeconds;
  const byAuthor = keys.duplicateByAuthor(comment.siteId, comment.author.id, fingerprint);
  const onSite = keys.duplicateOnSite(comment.siteId, fingerprint);
  const velocity = keys.velocity(comment.siteId, comment.author.id);
  const trim = trimTurn(comment.id);
  const hourAgo = `(${at - HOUR_S * 1000}`;
  const first = pipeline.length;
  // a short text's group is its fingerprint: counted once, by the set above
  if (group !== fingerprint) {
    const byGroup = keys.textGroupOnSite(comment.siteId, group);
    pipeline.zadd(byGroup, at, comment.author.id).expire(byGroup, HOUR_S).zcount(byGroup, hourAgo, '+inf');
    if (trim) pipeline.zremrangebyscore(byGroup, '-inf', at - HOUR_S * 1000);
  }
  const groupCount = pipeline.length - first;
  pipeline
    .hgetall(keys.author(comment.siteId, comment.author.id))
    .zadd(byAuthor, at, comment.id)
    .expire(byAuthor, DAY_S)
    .zcount(byAuthor, at - DAY_S * 1000, at)
    .zadd(onSite, at, comment.author.id)
    .expire(onSite, HOUR_S)
    .zcount(onSite, hourAgo, '+inf')
    .zadd(velocity, at, comment.id)
    .expire(velocity, windowS)
    .zcount(velocity, at - windowS * 1000, at)
    .hgetall(keys.article(comment.siteId, comment.articleId));
  if (trim) pipeline.zremrangebyscore(onSite, '-inf', at - HOUR_S * 1000).zremrangebyscore(velocity, '-inf', at - windowS * 1000);
  const count = pipeline.length - first;
  const read = (all: Rows): Facts => {
    const rows = all.slice(groupCount);
    const groupRows = all.slice(0, groupCount);
    const value = (i: number) => rows[i]?.[1];
    const a = (value(0) ?? {}) as Record<string, string>;
    const bannedUntil = a.bannedUntil ? Date.parse(a.bannedUntil) : NaN;
    return {
      author: {
        firstSeenAt: a.firstSeenAt ?? null,
        approved: Number(a.approved ?? 0),
        rejected: Number(a.rejected ?? 0),
        reported: Number(a.reported ?? 0),
        banned: a.banned === '1' && (Number.isNaN(bannedUntil) || bannedUntil > deps.now()),
        premoderated: a.premoderated === '1',
      },
      recent: {
        // each count includes this comment (or its author) once
        sameTextSameAuthor24h: Math.max(0, Number(value(3) ?? 0) - 1),
        sameTextOtherAuthors1h: Math.max(0, Number(value(6) ?? 0) - 1),
        sameGroupOtherAuthors1h: Math.max(0, Number(groupRows[2]?.[1] ?? value(6) ?? 0) - 1),
        authorCommentsInWindow: Math.max(0, Number(value(9) ?? 0) - 1),
      },
      article: (value(10) ?? {}) as Record<string, string>,
    };
  };
  return { count, read };
}
