import type { CoreDeps } from '../../core/deps.js';
import { LuaScript } from '../../core/redis/lua-script.js';

/**
 * The held queue is sorted by risk, not age; ids are ULIDs, so the smallest id is the comment
 * posted first. Scanned inside Redis so the ids do not cross the network every 10 s.
 */
const smallestMemberScript = new LuaScript(`
local smallest = false
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  if not smallest or id < smallest then smallest = id end
end
return smallest
`);

/** The id of the held comment posted first, or null when none is held. */
export async function oldestHeldId(deps: Pick<CoreDeps, 'redis' | 'keys'>, siteId: string): Promise<string | null> {
  const id = (await smallestMemberScript.run(deps.redis, [deps.keys.reviewQueue(siteId, 'held')], [])) as string | null;
  return id || null;
}
