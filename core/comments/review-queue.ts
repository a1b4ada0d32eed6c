import type { CoreDeps } from '../deps.js';
import type { Comment } from '../../protocol/comment.js';
import { REVIEW_QUEUES, type ReviewQueue, type ReviewQueueCounts } from '../../protocol/review-queue.js';
import { getComments } from './comment-store.js';
import { foldForSearch } from './search-text.js';


export interface ReviewQueuePage {
  comments: Comment[];
  nextCursor: string | null;
}

export interface ReviewQueueQuery {
  limit: number;
  cursor?: string | undefined;
  articleId?: string | undefined;
  authorId?: string | undefined;
  /** Text to find in the body or the author name, case- and accent-insensitive. */
  q?: string | undefined;
  /** Only comments of the articles of this section (the article's section as it is now). */
  section?: string | undefined;
}

/** `all`: every status, for an article's or an author's comments (walks their index). */
export type ReviewQueueOrAll = ReviewQueue | 'all';

/** Most entries one filtered request reads before answering with what it found and a cursor. */
const MAX_SCAN = 5000;
const BATCH = 200;

interface Entry {
  id: string;
  /** Cursor that resumes right after this entry. */
  cursor: string;
}

type Source = (cursor: string | undefined) => Promise<Entry[]>;

/**
 * One page of a review queue. Unfiltered, it reads the queue's sorted set in its order
 * (held: riskiest then oldest; pending: oldest; reported: most reported; decided: newest).
 * Filtered by article or author, it walks that article's or author's comments in time order
 * and keeps those in the queue; a text search reads bodies as it goes. A filtered request
 * reads at most 5,000 entries and returns a cursor to go on from there.
 */
export async function listReviewQueue(deps: CoreDeps, siteId: string, queue: ReviewQueueOrAll, query: ReviewQueueQuery): Promise<ReviewQueuePage> {
  // every status: the article's or author's own index, newest first, with no queue to be in
  const key = queue === 'all' ? null : deps.keys.reviewQueue(siteId, queue);
  const newestFirst = queue === 'approved' || queue === 'rejected' || queue === 'all';
  const index = query.articleId
    ? deps.keys.articleAll(siteId, query.articleId)
    : query.authorId
      ? deps.keys.authorComments(siteId, query.authorId)
      : null;
  if (!index && !key) throw new Error('listing every status needs an article or an author');
  const source: Source = index ? lexSource(deps, index, newestFirst) : scoredSource(deps, key!);
  const sections = new Map<string, string | null>(); // article id → section, read once per request
  const needle = query.q ? foldForSearch(query.q.trim()) : '';
  const picked: Entry[] = [];
  let cursor = query.cursor;
  let scanned = 0;
  let exhausted = false;
  while (picked.length <= query.limit && scanned < MAX_SCAN) {
    const batch = await source(cursor);
    if (batch.length === 0) {
      exhausted = true;
      break;
    }
    scanned += batch.length;
    const filters = { inQueue: index ? key : null, needle, authorId: query.articleId ? query.authorId : undefined, section: query.section, sections };
    for (const e of await filterBatch(deps, siteId, batch, filters)) {
      picked.push(e);
      if (picked.length > query.limit) break;
    }
    cursor = batch[batch.length - 1]!.cursor;
  }
  const page = picked.slice(0, query.limit);
  let nextCursor: string | null = null;
  if (picked.length > query.limit) nextCursor = page[page.length - 1]!.cursor;
  else if (!exhausted && cursor) nextCursor = cursor; // scan cap reached: go on from where we stopped
  return { comments: await getComments(deps, siteId, page.map((e) => e.id)), nextCursor };
}

// membership in the queue (when walking an index), text match, and author (article + author filters)
async function filterBatch(
  deps: CoreDeps,
  siteId: string,
  batch: Entry[],
  f: { inQueue: string | null; needle: string; authorId: string | undefined; section: string | undefined; sections: Map<string, string | null> },
): Promise<Entry[]> {
  const readsComment = Boolean(f.needle || f.authorId || f.section);
  if (!f.inQueue && !readsComment) return batch;
  const pipe = deps.redis.pipeline();
  for (const e of batch) {
    if (f.inQueue) pipe.zscore(f.inQueue, e.id);
    if (readsComment) pipe.hmget(deps.keys.comment(siteId, e.id), 'body', 'authorName', 'authorId', 'articleId');
  }
  const rows = ((await pipe.exec()) ?? []).map(([, v]) => v);
  const perEntry = (f.inQueue ? 1 : 0) + (readsComment ? 1 : 0);
  const fieldsOf = (i: number) => (rows[i * perEntry + (f.inQueue ? 1 : 0)] ?? []) as Array<string | null>;
  if (f.section) await readSections(deps, siteId, batch.map((_, i) => fieldsOf(i)[3]), f.sections);
  return batch.filter((_, i) => {
    if (f.inQueue && rows[i * perEntry] === null) return false;
    if (!readsComment) return true;
    const [body, name, authorId, articleId] = fieldsOf(i);
    if (f.authorId && authorId !== f.authorId) return false;
    if (f.section && (!articleId || f.sections.get(articleId) !== f.section)) return false;
    if (f.needle && !foldForSearch(`${body ?? ''} ${name ?? ''}`).includes(f.needle)) return false;
    return true;
  });
}

/** The current section of each article not read yet in this request (one pipelined read). */
async function readSections(deps: CoreDeps, siteId: string, articleIds: Array<string | null | undefined>, known: Map<string, string | null>): Promise<void> {
  const missing = [...new Set(articleIds.filter((id): id is string => !!id && !known.has(id)))];
  if (missing.length === 0) return;
  const pipe = deps.redis.pipeline();
  for (const id of missing) pipe.hget(deps.keys.article(siteId, id), 'section');
  const rows = (await pipe.exec()) ?? [];
  missing.forEach((id, i) => known.set(id, (rows[i]?.[1] as string | null) ?? null));
}

/** Reads a status queue in (score, id) order; the cursor is `score|id`. */
function scoredSource(deps: CoreDeps, key: string): Source {
  return async (cursor) => {
    const after = parseScoreCursor(cursor);
    const min = after ? String(after.score) : '-inf';
    const out: Entry[] = [];
    // entries sharing the cursor's score but sorting before its id were already returned
    for (let offset = 0; out.length === 0; offset += BATCH) {
      const flat = await deps.redis.zrangebyscore(key, min, '+inf', 'WITHSCORES', 'LIMIT', offset, BATCH);
      for (let i = 0; i < flat.length; i += 2) {
        const id = flat[i]!;
        const score = Number(flat[i + 1]);
        if (after && score === after.score && id <= after.id) continue;
        out.push({ id, cursor: `${score}|${id}` });
      }
      if (flat.length < BATCH * 2) break;
    }
    return out;
  };
}

/** Reads a lex index of ids (time order); the cursor is the last id. */
function lexSource(deps: CoreDeps, key: string, newestFirst: boolean): Source {
  return async (cursor) => {
    const ids = newestFirst
      ? await deps.redis.zrevrangebylex(key, cursor ? `(${cursor}` : '+', '-', 'LIMIT', 0, BATCH)
      : await deps.redis.zrangebylex(key, cursor ? `(${cursor}` : '-', '+', 'LIMIT', 0, BATCH);
    return ids.map((id) => ({ id, cursor: id }));
  };
}

function parseScoreCursor(cursor: string | undefined): { score: number; id: string } | null {
  if (!cursor) return null;
  const [score, id] = cursor.split('|');
  const n = Number(score);
  return Number.isFinite(n) && id ? { score: n, id } : null;
}

/** Number of comments in each review queue. */
export async function countReviewQueues(deps: CoreDeps, siteId: string): Promise<ReviewQueueCounts> {
  const pipe = deps.redis.pipeline();
  for (const q of REVIEW_QUEUES) pipe.zcard(deps.keys.reviewQueue(siteId, q));
  const rows = (await pipe.exec()) ?? [];
  return Object.fromEntries(REVIEW_QUEUES.map((q, i) => [q, Number(rows[i]?.[1] ?? 0)])) as ReviewQueueCounts;
}
