import { LuaScript } from '../redis/lua-script.js';

/**
 * Stores a new comment atomically: idempotency claim, parent check, record, pending queue,
 * author first-seen, `comment.created` event.
 * KEYS: 1 comment, 2 pending queue, 3 events stream, 4 author, 5 idempotency (or comment), 6 parent (or comment)
 * ARGV: 1 id, 2 idempotency ttl s (0: none), 3 parentId ('' none), 4 articleId, 5 createdAt ms,
 *       6 stream maxlen, 7 author name, 8 createdAt ISO, 9 event type, 10 event JSON, 11.. hash field/value pairs
 * Returns {'created', id} | {'existing', id} | {'invalid_parent', ''}.
 */
export const createCommentScript = new LuaScript(`
if ARGV[2] ~= '0' then
  local existing = redis.call('GET', KEYS[5])
  if existing then return {'existing', existing} end
end
if ARGV[3] ~= '' then
  local parent = redis.call('HMGET', KEYS[6], 'status', 'articleId')
  if parent[1] ~= 'approved' or parent[2] ~= ARGV[4] then return {'invalid_parent', ''} end
end
local fields = {}
for i = 11, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('ZADD', KEYS[2], ARGV[5], ARGV[1])
redis.call('HSETNX', KEYS[4], 'firstSeenAt', ARGV[8])
redis.call('HSET', KEYS[4], 'name', ARGV[7])
redis.call('HINCRBY', KEYS[4], 'comments', 1)
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[6], '*', 't', ARGV[9], 'd', ARGV[10])
if ARGV[2] ~= '0' then redis.call('SET', KEYS[5], ARGV[1], 'EX', ARGV[2]) end
return {'created', ARGV[1]}
`);
