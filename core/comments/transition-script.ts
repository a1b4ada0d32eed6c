import { LuaScript } from '../redis/lua-script.js';

/**
 * Moves a comment to a new status atomically, keeping every index in step: moderation queues,
 * the article's approved index and count, the parent's replies, the author's counters, the
 * reported queue, daily stats, the audit log and the site's event stream. Refuses when the
 * stored version is not the expected one, so a late pipeline job never overwrites a human
 * decision and two moderators cannot both win.
 * It also keeps the readers' orders of the thread: the article's top-level comments ranked by
 * published replies and by likes, and its picks, which a comment leaves with its approval.
 * KEYS: 1 comment, 2 events, 3-6 queues pending/approved/held/rejected, 7 article hash,
 *       8 article roots, 9 parent replies (or comment), 10 author, 11 reported queue,
 *       12 stats day, 13 audit stream, 14 the comment's own replies, 15 article rank by replies,
 *       16 article rank by reactions, 17 article picks, 18 stats day articles held, 19 stats day articles rejected,
 *       20 the site's recent automatic decisions
 * ARGV: 1 plan JSON {to, expectedVersion, score, maxlen, id, parentId, eventType, event, hasParent, clearReported,
 *       statsFields, sectionFields, articleId, articleStat, statsTtl, audit, recentMax, recentSlack}, 2.. hash field/value pairs
 * An automatic decision also goes on the site's capped list of recent ones (the policy simulator replays them).
 * The day's counters also go under the article's section (`sec:<section>:<field>`), read from
 * the article hash in the script, so a section a site admin changes counts from then on.
 * Returns {'ok', previousStatus} | {'conflict', currentVersion} | {'missing', ''}.
 */
export const transitionScript = new LuaScript(`
local plan = cjson.decode(ARGV[1])
local current = redis.call('HMGET', KEYS[1], 'status', 'version')
if not current[1] then return {'missing', ''} end
if current[2] ~= plan.expectedVersion then return {'conflict', current[2]} end
local old = current[1]
local new = plan.to
local queues = {pending = KEYS[3], approved = KEYS[4], held = KEYS[5], rejected = KEYS[6]}
local fields = {'status', new, 'version', tostring(tonumber(current[2]) + 1)}
for i = 2, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('ZREM', queues[old], plan.id)
redis.call('ZADD', queues[new], plan.score, plan.id)
local index = KEYS[8]
if plan.hasParent then index = KEYS[9] end
if new == 'approved' and old ~= 'approved' then
  redis.call('ZADD', index, 0, plan.id)
  redis.call('HINCRBY', KEYS[7], 'approved', 1)
elseif old == 'approved' and new ~= 'approved' then
  redis.call('ZREM', index, plan.id)
  redis.call('HINCRBY', KEYS[7], 'approved', -1)
end
if new == 'approved' and old ~= 'approved' then
  if not plan.hasParent then
    redis.call('ZADD', KEYS[15], redis.call('ZCARD', KEYS[14]), plan.id)
    redis.call('ZADD', KEYS[16], tonumber(redis.call('HGET', KEYS[1], 'reactions') or '0'), plan.id)
  elseif redis.call('ZSCORE', KEYS[15], plan.parentId) then
    redis.call('ZINCRBY', KEYS[15], 1, plan.parentId)
  end
elseif old == 'approved' and new ~= 'approved' then
  if not plan.hasParent then
    redis.call('ZREM', KEYS[15], plan.id)
    redis.call('ZREM', KEYS[16], plan.id)
  elseif redis.call('ZSCORE', KEYS[15], plan.parentId) then
    redis.call('ZINCRBY', KEYS[15], -1, plan.parentId)
  end
  redis.call('ZREM', KEYS[17], plan.id)
  redis.call('HDEL', KEYS[1], 'featuredAt')
end
if old ~= new then
  if old == 'approved' or old == 'rejected' then redis.call('HINCRBY', KEYS[10], old, -1) end
  if new == 'approved' or new == 'rejected' then redis.call('HINCRBY', KEYS[10], new, 1) end
end
if plan.clearReported then redis.call('ZREM', KEYS[11], plan.id) end
-- the day's hash gets its expiry when it is created: a field at 1 may be the first of the key
local fresh = false
for _, f in ipairs(plan.statsFields) do
  if redis.call('HINCRBY', KEYS[12], f, 1) == 1 then fresh = true end
end
if #plan.sectionFields > 0 then
  local section = redis.call('HGET', KEYS[7], 'section')
  if section then
    for _, f in ipairs(plan.sectionFields) do
      if redis.call('HINCRBY', KEYS[12], 'sec:' .. section .. ':' .. f, 1) == 1 then fresh = true end
    end
  end
end
if fresh then redis.call('EXPIRE', KEYS[12], plan.statsTtl) end
if plan.articleStat ~= '' then
  local articleKey = KEYS[18]
  if plan.articleStat == 'rejected' then articleKey = KEYS[19] end
  if tonumber(redis.call('ZINCRBY', articleKey, 1, plan.articleId)) == 1 then redis.call('EXPIRE', articleKey, plan.statsTtl) end
end
if plan.eventType == 'comment.decided' and plan.recentMax > 0 then
  -- trimmed once it is recentSlack past its cap, not on every push (readers read the first recentMax)
  if redis.call('LPUSH', KEYS[20], plan.id) > plan.recentMax + plan.recentSlack then
    redis.call('LTRIM', KEYS[20], 0, plan.recentMax - 1)
  end
end
if plan.audit ~= '' then redis.call('XADD', KEYS[13], 'MAXLEN', '~', plan.auditMaxlen, '*', 'd', plan.audit) end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', plan.maxlen, '*', 't', plan.eventType, 'd', plan.event)
return {'ok', old}
`);
