import type { CoreDeps } from '../deps.js';

/** Rejected comments remembered per site; the oldest are forgotten past this. */
export const REJECTED_TEXTS_MAX = 20_000;

/** A comment moderators rejected, as remembered to recognise its copies. */
export interface RejectedText {
  commentId: string;
  /** The moderator's reason code (`abuse`, `illegal`, `spam`). */
  reason: string;
  decidedAt: string;
  /** MinHash signature, base64 (workers/text/minhash.ts). */
  signature: string;
}

/** Remembers one rejection under its MinHash bands; forgets the oldest beyond the cap. */
export async function rememberRejectedText(deps: CoreDeps, siteId: string, entry: RejectedText, bands: readonly string[]): Promise<void> {
  const k = deps.keys;
  const tx = deps.redis.multi();
  tx.hset(k.rejectedTexts(siteId), entry.commentId, JSON.stringify(entry));
  tx.hset(k.rejectedTextBands(siteId), Object.fromEntries(bands.map((b) => [b, entry.commentId])));
  tx.zadd(k.rejectedTextOrder(siteId), deps.now(), entry.commentId);
  tx.zcard(k.rejectedTextOrder(siteId));
  const rows = (await tx.exec()) ?? [];
  const size = Number(rows[rows.length - 1]?.[1] ?? 0);
  if (size > REJECTED_TEXTS_MAX) {
    const oldest = await deps.redis.zpopmin(k.rejectedTextOrder(siteId), size - REJECTED_TEXTS_MAX);
    const ids = oldest.filter((_, i) => i % 2 === 0);
    if (ids.length > 0) await deps.redis.hdel(k.rejectedTexts(siteId), ...ids); // their band pointers now lead nowhere, and are skipped
  }
}

/** The remembered rejections that share a band with these: candidates to compare, one round trip each way. */
export async function rejectedTextCandidates(deps: CoreDeps, siteId: string, bands: readonly string[]): Promise<RejectedText[]> {
  const ids = [...new Set((await deps.redis.hmget(deps.keys.rejectedTextBands(siteId), ...bands)).filter((v): v is string => v !== null))];
  if (ids.length === 0) return [];
  const entries = await deps.redis.hmget(deps.keys.rejectedTexts(siteId), ...ids);
  return entries.filter((v): v is string => v !== null).map((v) => JSON.parse(v) as RejectedText);
}

/** Forgets remembered rejections (a moderator approved a copy of them: the latest human call wins). */
export async function forgetRejectedTexts(deps: CoreDeps, siteId: string, commentIds: readonly string[]): Promise<void> {
  if (commentIds.length === 0) return;
  await deps.redis.multi().hdel(deps.keys.rejectedTexts(siteId), ...commentIds).zrem(deps.keys.rejectedTextOrder(siteId), ...commentIds).exec();
}

/** How many rejected texts the site remembers. */
export const rejectedTextCount = (deps: CoreDeps, siteId: string): Promise<number> => deps.redis.hlen(deps.keys.rejectedTexts(siteId));

/** Every key of the memory, for a reset. */
export const rejectedTextKeys = (deps: CoreDeps, siteId: string): string[] => [
  deps.keys.rejectedTexts(siteId),
  deps.keys.rejectedTextBands(siteId),
  deps.keys.rejectedTextOrder(siteId),
];
