import type { CoreDeps } from '../deps.js';

import type { AuthorProfile } from '../../protocol/author.js';


export async function getAuthor(deps: CoreDeps, siteId: string, authorId: string): Promise<AuthorProfile | null> {
  const h = await deps.redis.hgetall(deps.keys.author(siteId, authorId));
  if (!h.firstSeenAt && !h.banned && !h.premoderated) return null;
  return authorFromHash(authorId, h, deps.now());
}

export function authorFromHash(id: string, h: Record<string, string>, nowMs: number): AuthorProfile {
  const until = h.bannedUntil ? Date.parse(h.bannedUntil) : NaN;
  const banned = h.banned === '1' && (Number.isNaN(until) || until > nowMs);
  return {
    id,
    name: h.name ?? '',
    kind: h.kind === 'sso' ? 'sso' : 'anonymous',
    firstSeenAt: h.firstSeenAt ?? null,
    lastSeenAt: h.lastSeenAt ?? null,
    comments: Number(h.comments ?? 0),
    approved: Math.max(0, Number(h.approved ?? 0)),
    rejected: Math.max(0, Number(h.rejected ?? 0)),
    reported: Number(h.reported ?? 0),
    banned,
    ...(banned && h.bannedUntil ? { bannedUntil: h.bannedUntil } : {}),
    ...(banned && h.banReason ? { banReason: h.banReason } : {}),
    premoderated: h.premoderated === '1',
  };
}

/** Bans (or unbans) an author on a site; returns the profile before and after. */
export async function setBan(
  deps: CoreDeps,
  siteId: string,
  authorId: string,
  ban: { until?: string | undefined; reason: string } | null,
): Promise<{ before: AuthorProfile | null; after: AuthorProfile }> {
  const key = deps.keys.author(siteId, authorId);
  const before = await getAuthor(deps, siteId, authorId);
  if (ban) {
    const tx = deps.redis.multi().hset(key, { banned: '1', banReason: ban.reason });
    if (ban.until) tx.hset(key, 'bannedUntil', ban.until);
    else tx.hdel(key, 'bannedUntil');
    await tx.exec();
  } else {
    await deps.redis.hdel(key, 'banned', 'bannedUntil', 'banReason');
  }
  return { before, after: authorFromHash(authorId, await deps.redis.hgetall(key), deps.now()) };
}

export async function setPremoderated(
  deps: CoreDeps,
  siteId: string,
  authorId: string,
  enabled: boolean,
): Promise<{ before: AuthorProfile | null; after: AuthorProfile }> {
  const key = deps.keys.author(siteId, authorId);
  const before = await getAuthor(deps, siteId, authorId);
  if (enabled) await deps.redis.hset(key, 'premoderated', '1');
  else await deps.redis.hdel(key, 'premoderated');
  return { before, after: authorFromHash(authorId, await deps.redis.hgetall(key), deps.now()) };
}

/** Comment ids of an author, newest first. */
export async function authorCommentIds(deps: CoreDeps, siteId: string, authorId: string, limit: number): Promise<string[]> {
  return deps.redis.zrevrangebylex(deps.keys.authorComments(siteId, authorId), '+', '-', 'LIMIT', 0, limit);
}
