import type { CoreDeps } from '../deps.js';
import type { Comment } from '../../protocol/comment.js';
import { commentFromHash } from '../comments/comment.js';

/** Most held comments looked at to build groups: the riskiest first, as the held queue sorts them. */
export const MAX_GROUPED = 2000;

/** Near-identical held comments (one `textGroup`), as moderators see a wave. */
export interface TextGroup {
  key: string;
  count: number;
  /** Distinct authors in the group. */
  authors: number;
  /** The group's first comment by age, to read. */
  sample: Comment;
  /** Every comment id of the group, oldest first. */
  commentIds: string[];
  /** Articles the group was posted under, most first. */
  articleIds: string[];
}

/**
 * The held queue grouped by near-identical text (the `textGroup` the worker stored with each
 * decision), largest groups first; groups smaller than `minSize` are left out. Reads the ids of
 * the held queue and one field per comment, then the sample of each group.
 */
export async function heldTextGroups(deps: CoreDeps, siteId: string, opts: { minSize: number; only?: string }): Promise<TextGroup[]> {
  const ids = await deps.redis.zrange(deps.keys.reviewQueue(siteId, 'held'), '0', String(MAX_GROUPED - 1));
  if (ids.length === 0) return [];
  const pipe = deps.redis.pipeline();
  for (const id of ids) pipe.hmget(deps.keys.comment(siteId, id), 'textGroup', 'authorId', 'articleId');
  const rows = (await pipe.exec()) ?? [];
  const byKey = new Map<string, { ids: string[]; authors: Set<string>; articles: Map<string, number> }>();
  const empty: Array<string | null> = [];
  rows.forEach(([err, value], i) => {
    const [key, authorId, articleId] = err ? empty : ((value as Array<string | null> | null) ?? empty);
    if (!key || (opts.only !== undefined && key !== opts.only)) return;
    const g = byKey.get(key) ?? { ids: [] as string[], authors: new Set<string>(), articles: new Map<string, number>() };
    g.ids.push(ids[i]!);
    g.authors.add(authorId ?? '');
    g.articles.set(articleId ?? '', (g.articles.get(articleId ?? '') ?? 0) + 1);
    byKey.set(key, g);
  });
  const groups = [...byKey.entries()].filter(([, g]) => g.ids.length >= opts.minSize);
  const samples = deps.redis.pipeline();
  const sorted = groups.map(([key, g]) => ({ key, ...g, ids: [...g.ids].sort() })).sort((a, b) => b.ids.length - a.ids.length);
  for (const g of sorted) samples.hgetall(deps.keys.comment(siteId, g.ids[0]!));
  const sampleRows = (await samples.exec()) ?? [];
  return sorted.flatMap((g, i) => {
    const sample = commentFromHash((sampleRows[i]?.[1] ?? {}) as Record<string, string>);
    if (!sample) return [];
    return [
      {
        key: g.key,
        count: g.ids.length,
        authors: g.authors.size,
        sample,
        commentIds: g.ids,
        articleIds: [...g.articles.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id),
      },
    ];
  });
}
