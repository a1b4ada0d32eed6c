import type { CoreDeps } from '../deps.js';
import { errors } from '../errors.js';
import { appendSiteEvent } from '../events/append-event.js';
import { LuaScript } from '../redis/lua-script.js';

/** A claim lasts this long unless renewed by the same moderator. */
export const CLAIM_MS = 60_000;

/** KEYS: 1 claim. ARGV: 1 moderator id, 2 ttl ms. Returns {'ok', ''} or {'taken', holder, pttl}. */
const claimScript = new LuaScript(`
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return {'taken', holder, redis.call('PTTL', KEYS[1])} end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return {'ok', ''}
`);

/**
 * Marks a comment as being looked at by a moderator for 60 s (renewable), and tells the other
 * moderators with a `comment.claimed` event. Another moderator's live claim is a 409.
 */
export async function claimComment(
  deps: CoreDeps,
  input: { siteId: string; commentId: string; moderatorId: string },
): Promise<{ until: string }> {
  const [outcome, holder, pttl] = (await claimScript.run(
    deps.redis,
    [deps.keys.claim(input.siteId, input.commentId)],
    [input.moderatorId, CLAIM_MS],
  )) as [string, string, number?];
  if (outcome === 'taken') {
    throw errors.alreadyClaimed({ moderatorId: holder, until: new Date(deps.now() + Number(pttl ?? 0)).toISOString() });
  }
  const until = new Date(deps.now() + CLAIM_MS).toISOString();
  await appendSiteEvent(deps, { type: 'comment.claimed', siteId: input.siteId, commentId: input.commentId, moderatorId: input.moderatorId, until });
  return { until };
}

/** Who holds a claim on each comment now, if anyone. */
export async function claimsOf(deps: CoreDeps, siteId: string, commentIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (commentIds.length === 0) return out;
  const holders = await deps.redis.mget(...commentIds.map((id) => deps.keys.claim(siteId, id)));
  commentIds.forEach((id, i) => {
    if (holders[i]) out.set(id, holders[i]!);
  });
  return out;
}
