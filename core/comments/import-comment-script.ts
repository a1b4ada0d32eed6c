import { LuaScript } from '../redis/lua-script.js';

/**
 * Stores one comment brought in from another platform, once: the platform's id is claimed in
 * the site's import map first, so a second run of the same export skips it. Then, atomically,
 * the record, its review queue, the article's and the author's indexes, the article's
 * first-seen time (the earliest comment's), title and url (when it has none), the author's
 * counters and first and last seen (by the comments' own dates), and, for a published one,
 * the thread index and the article's count. No event: an import is history, not news.
 * KEYS: 1 comment, 2 import map, 3 review queue, 4 article all-comments, 5 author comments,
 *       6 author, 7 article hash, 8 site's articles, 9 article roots or parent's replies
 * ARGV: 1 plan JSON {sourceId, id, status, score, articleId, createdAt, createdMs, authorName,
 *       authorEmail, title, url}, 2.. hash field/value pairs
 * Returns 'imported' | 'skipped'.
 */
export const importCommentScript = new LuaScript(`
local plan = cjson.decode(ARGV[1])
if redis.call('HSETNX', KEYS[2], plan.sourceId, plan.id) == 0 then return 'skipped' end
local fields = {}
for i = 2, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('ZADD', KEYS[3], plan.score, plan.id)
redis.call('ZADD', KEYS[4], 0, plan.id)
redis.call('ZADD', KEYS[5], 0, plan.id)
redis.call('HINCRBY', KEYS[6], 'comments', 1)
if plan.status == 'approved' or plan.status == 'rejected' then redis.call('HINCRBY', KEYS[6], plan.status, 1) end
local seen = redis.call('HMGET', KEYS[6], 'firstSeenAt', 'lastSeenAt')
local author = {'kind', 'imported'}
if not seen[1] or plan.createdAt < seen[1] then author[#author + 1] = 'firstSeenAt'; author[#author + 1] = plan.createdAt end
-- the author's name is the one of their latest comment, whatever order the file is in
if not seen[2] or plan.createdAt >= seen[2] then
  author[#author + 1] = 'lastSeenAt'; author[#author + 1] = plan.createdAt
  author[#author + 1] = 'name'; author[#author + 1] = plan.authorName
end
if plan.authorEmail ~= '' then author[#author + 1] = 'email'; author[#author + 1] = plan.authorEmail end
redis.call('HSET', KEYS[6], unpack(author))
local art = redis.call('HMGET', KEYS[7], 'firstSeenAt', 'title', 'url')
local artFields = {}
if not art[1] or plan.createdAt < art[1] then
  artFields = {'firstSeenAt', plan.createdAt}
  -- LT: keeps the earliest time, and still adds an article seen for the first time
  redis.call('ZADD', KEYS[8], 'LT', plan.createdMs, plan.articleId)
end
if not art[2] and plan.title ~= '' then artFields[#artFields + 1] = 'title'; artFields[#artFields + 1] = plan.title end
if not art[3] and plan.url ~= '' then artFields[#artFields + 1] = 'url'; artFields[#artFields + 1] = plan.url end
if #artFields > 0 then redis.call('HSET', KEYS[7], unpack(artFields)) end
if plan.status == 'approved' then
  redis.call('ZADD', KEYS[9], 0, plan.id)
  redis.call('HINCRBY', KEYS[7], 'approved', 1)
end
return 'imported'
`);
