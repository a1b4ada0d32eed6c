import type { CoreDeps } from '../deps.js';
import type { Comment, CommentStatus } from './comment.js';
import { getComments } from './comment-store.js';

export interface QueuePage {
  comments: Comment[];
  nextCursor: string | null;
}

/**
 * One page of a moderation queue in its order (score, then id). The cursor is the last
 * `score|id` returned, so a page stays right while comments leave the queue in between.
 */
export async function listQueue(
  deps: CoreDeps,
  siteId: string,
  status: CommentStatus,
  opts: { limit: number; cursor?: string | undefined },
): Promise<QueuePage> {
  const key = deps.keys.queue(siteId, status);
  const after = parseCursor(opts.cursor);
  const picked: Array<{ id: string; score: number }> = [];
  let min = after ? String(after.score) : '-inf';
  // equal scores can precede the cursor's id; read in batches until the page is full
  for (let offset = 0; picked.length <= opts.limit; ) {
    const batch = opts.limit + 1 + 50;
    const flat = await deps.redis.zrangebyscore(key, min, '+inf', 'WITHSCORES', 'LIMIT', offset, batch);
    for (let i = 0; i < flat.length; i += 2) {
      const id = flat[i]!;
      const score = Number(flat[i + 1]);
      if (after && score === after.score && id <= after.id) continue;
      picked.push({ id, score });
      if (picked.length > opts.limit) break;
    }
    if (flat.length < batch * 2) break;
    offset += batch;
    min = after ? String(after.score) : min;
  }
  const page = picked.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    comments: await getComments(deps, siteId, page.map((p) => p.id)),
    nextCursor: picked.length > opts.limit && last ? `${last.score}|${last.id}` : null,
  };
}

function parseCursor(cursor: string | undefined): { score: number; id: string } | null {
  if (!cursor) return null;
  const [score, id] = cursor.split('|');
  const n = Number(score);
  return Number.isFinite(n) && id ? { score: n, id } : null;
}

/** Number of comments in each status. */
export async function queueCounts(deps: CoreDeps, siteId: string): Promise<Record<CommentStatus, number>> {
  const statuses: CommentStatus[] = ['pending', 'held', 'approved', 'rejected'];
  const pipe = deps.redis.pipeline();
  for (const s of statuses) pipe.zcard(deps.keys.queue(siteId, s));
  const rows = (await pipe.exec()) ?? [];
  return Object.fromEntries(statuses.map((s, i) => [s, Number(rows[i]?.[1] ?? 0)])) as Record<CommentStatus, number>;
}
