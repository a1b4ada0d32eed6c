import { LuaScript } from '../../core/redis/lua-script.js';

/**
 * Starts a surge unless one is already running (two workers may see the same burst): sets the
 * article's surge fields, indexes the end time for the periodic check, appends the audit entry
 * and the `surge.started` event, and counts it in the day's statistics. Times are strings of ms,
 * compared as numbers.
 * KEYS: 1 article hash, 2 site surges index, 3 audit stream, 4 events stream, 5 stats day
 * ARGV: 1 plan JSON {articleId, nowMs, untilMs, audit, auditMaxlen, event, maxlen, statsTtl}
 * Returns 1 when started, 0 when a surge was already running.
 */
export const startSurgeScript = new LuaScript(`
local plan = cjson.decode(ARGV[1])
local running = tonumber(redis.call('HGET', KEYS[1], 'surgeUntil') or '0')
if running > tonumber(plan.nowMs) then return 0 end
redis.call('HSET', KEYS[1], 'surgeUntil', plan.untilMs, 'surgeStartedAt', plan.nowMs)
redis.call('ZADD', KEYS[2], plan.untilMs, plan.articleId)
redis.call('XADD', KEYS[3], 'MAXLEN', '~', plan.auditMaxlen, '*', 'd', plan.audit)
redis.call('XADD', KEYS[4], 'MAXLEN', '~', plan.maxlen, '*', 't', 'surge.started', 'd', plan.event)
if redis.call('HINCRBY', KEYS[5], 'surges', 1) == 1 and redis.call('TTL', KEYS[5]) < 0 then redis.call('EXPIRE', KEYS[5], plan.statsTtl) end
return 1
`);

/**
 * Ends the surge that was read as due, unless it changed meanwhile (ended by another worker, or
 * a new one started): clears the article's surge fields and index entry, appends the audit
 * entry and the `surge.ended` event.
 * KEYS: 1 article hash, 2 site surges index, 3 audit stream, 4 events stream
 * ARGV: 1 plan JSON {articleId, untilMs, audit, auditMaxlen, event, maxlen}
 * Returns 1 when ended, 0 otherwise.
 */
export const endSurgeScript = new LuaScript(`
local plan = cjson.decode(ARGV[1])
local current = redis.call('HGET', KEYS[1], 'surgeUntil')
if current ~= plan.untilMs then
  -- not this surge any more: drop the stale index entry only if no surge is running
  if not current then redis.call('ZREM', KEYS[2], plan.articleId) end
  return 0
end
redis.call('HDEL', KEYS[1], 'surgeUntil', 'surgeStartedAt')
redis.call('ZREM', KEYS[2], plan.articleId)
redis.call('XADD', KEYS[3], 'MAXLEN', '~', plan.auditMaxlen, '*', 'd', plan.audit)
redis.call('XADD', KEYS[4], 'MAXLEN', '~', plan.maxlen, '*', 't', 'surge.ended', 'd', plan.event)
return 1
`);
