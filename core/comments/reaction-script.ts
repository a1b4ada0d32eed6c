import { LuaScript } from '../redis/lua-script.js';

/**
 * Adds or takes back one reader's like of a published comment, atomically: the reader set
 * (one like per reader), the comment's count, the article's ranking by likes (top-level
 * comments only), the reader's own list (for data export and erasure) and, when the count
 * changed, a `comment.reactions` event.
 * KEYS: 1 comment, 2 reactors, 3 reader's reactions, 4 article rank by reactions, 5 events
 * ARGV: 1 plan JSON {siteId, commentId, readerId, add, maxlen, anyStatus?} (`anyStatus`: a like taken
 *       back from a comment that is no longer published, for an erasure; no event then)
 * Returns {'ok', count, changed} | {'not_approved', 0, 0} (also for a comment that does not exist).
 */
export const reactionScript = new LuaScript(`
local plan = cjson.decode(ARGV[1])
local c = redis.call('HMGET', KEYS[1], 'status', 'parentId', 'articleId', 'reactions')
if not c[1] or (c[1] ~= 'approved' and not (plan.anyStatus and not plan.add)) then return {'not_approved', 0, 0} end
local changed
if plan.add then changed = redis.call('SADD', KEYS[2], plan.readerId) else changed = redis.call('SREM', KEYS[2], plan.readerId) end
local count = tonumber(c[4] or '0')
if changed == 0 then return {'ok', count, 0} end
local delta = 1
if not plan.add then delta = -1 end
count = redis.call('HINCRBY', KEYS[1], 'reactions', delta)
if plan.add then redis.call('ZADD', KEYS[3], 0, plan.commentId) else redis.call('ZREM', KEYS[3], plan.commentId) end
-- only approved top-level comments are ranked; a missing entry is rebuilt from the count
if (c[2] == false or c[2] == '') and redis.call('ZSCORE', KEYS[4], plan.commentId) then
  redis.call('ZADD', KEYS[4], count, plan.commentId)
end
if c[1] ~= 'approved' then return {'ok', count, 1} end
local event = cjson.encode({type = 'comment.reactions', siteId = plan.siteId, articleId = c[3], commentId = plan.commentId, reactions = count})
redis.call('XADD', KEYS[5], 'MAXLEN', '~', plan.maxlen, '*', 't', 'comment.reactions', 'd', event)
return {'ok', count, 1}
`);
