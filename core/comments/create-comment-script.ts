import { LuaScript } from '../redis/lua-script.js';

/**
 * Stores a new comment atomically: idempotency claim, parent check, closed-article check,
 * record, status queue, article and author indexes, article first-seen and metadata (kept
 * from the first comment that brings them), author first-seen and counters, daily stats,
 * and the `comment.created` event (with the article's title and url spliced in).
 * KEYS: 1 comment, 2 status queue, 3 events stream, 4 author, 5 idempotency (or comment),
 *       6 parent (or comment), 7 article all-comments, 8 author comments, 9 stats day,
 *       10 stats day articles, 11 article hash, 12 site's articles index, 13 site's sections
 * ARGV: 1 plan JSON {id, idemTtl, parentId, articleId, score, maxlen, authorName, authorKind, authorEmail,
 *       createdAt, createdMs, status, statsTtl, event, articleTitle, articleUrl, articleSection}, 2.. hash field/value pairs
 * Returns {'created', id} | {'existing', id} | {'invalid_parent', ''} | {'article_closed', ''}.
 */
export const createCommentScript = new LuaScript(`
local plan = cjson.decode(ARGV[1])
if plan.idemTtl > 0 then
  local existing = redis.call('GET', KEYS[5])
  if existing then return {'existing', existing} end
end
if plan.parentId ~= '' then
  local parent = redis.call('HMGET', KEYS[6], 'status', 'articleId')
  if parent[1] ~= 'approved' or parent[2] ~= plan.articleId then return {'invalid_parent', ''} end
end
local art = redis.call('HMGET', KEYS[11], 'closed', 'firstSeenAt', 'title', 'url', 'section')
if art[1] == '1' then return {'article_closed', ''} end
local artFields = {}
if not art[2] then
  artFields = {'firstSeenAt', plan.createdAt}
  redis.call('ZADD', KEYS[12], 'NX', plan.createdMs, plan.articleId)
end
-- metadata is taken from the first comment that brings it; later readers cannot rename the article
if not art[3] and plan.articleTitle ~= '' then
  art[3] = plan.articleTitle
  artFields[#artFields + 1] = 'title'
  artFields[#artFields + 1] = plan.articleTitle
end
if not art[4] and plan.articleUrl ~= '' then
  art[4] = plan.articleUrl
  artFields[#artFields + 1] = 'url'
  artFields[#artFields + 1] = plan.articleUrl
end
if not art[5] and plan.articleSection ~= '' then
  art[5] = plan.articleSection
  artFields[#artFields + 1] = 'section'
  artFields[#artFields + 1] = plan.articleSection
  redis.call('ZINCRBY', KEYS[13], 1, plan.articleSection)
end
if #artFields > 0 then redis.call('HSET', KEYS[11], unpack(artFields)) end
local fields = {}
for i = 2, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('ZADD', KEYS[2], plan.score, plan.id)
redis.call('ZADD', KEYS[7], 0, plan.id)
redis.call('ZADD', KEYS[8], 0, plan.id)
-- a first comment (count 1) is when an author is first seen, unless a report saw them before
if redis.call('HINCRBY', KEYS[4], 'comments', 1) == 1 then
  redis.call('HSETNX', KEYS[4], 'firstSeenAt', plan.createdAt)
  -- in ms too, so the write gate can tell how long a reader has been known
  redis.call('HSETNX', KEYS[4], 'firstSeenMs', plan.createdMs)
end
redis.call('HSET', KEYS[4], 'name', plan.authorName, 'kind', plan.authorKind, 'lastSeenAt', plan.createdAt)
if plan.authorEmail ~= '' then redis.call('HSET', KEYS[4], 'email', plan.authorEmail) end
if plan.status == 'rejected' then redis.call('HINCRBY', KEYS[4], 'rejected', 1) end
-- the day's stats get their expiry when created: a first count may be the key's first field
local freshDay = redis.call('HINCRBY', KEYS[9], 'received', 1) == 1
if plan.status == 'rejected' then redis.call('HINCRBY', KEYS[9], 'auto:rejected', 1) end
if art[5] then
  redis.call('HINCRBY', KEYS[9], 'sec:' .. art[5] .. ':received', 1)
  if plan.status == 'rejected' then redis.call('HINCRBY', KEYS[9], 'sec:' .. art[5] .. ':auto:rejected', 1) end
end
if freshDay then redis.call('EXPIRE', KEYS[9], plan.statsTtl) end
if tonumber(redis.call('ZINCRBY', KEYS[10], 1, plan.articleId)) == 1 then redis.call('EXPIRE', KEYS[10], plan.statsTtl) end
local ref = {id = plan.articleId}
if art[3] then ref.title = art[3] end
if art[4] then ref.url = art[4] end
if art[5] then ref.section = art[5] end
-- the event is encoded by the caller; append its "article" member before the closing brace
local event = string.sub(plan.event, 1, -2) .. ',"article":' .. cjson.encode(ref) .. '}'
redis.call('XADD', KEYS[3], 'MAXLEN', '~', plan.maxlen, '*', 't', 'comment.created', 'd', event)
if plan.idemTtl > 0 then redis.call('SET', KEYS[5], plan.id, 'EX', plan.idemTtl) end
return {'created', plan.id}
`);
