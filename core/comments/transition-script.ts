import { LuaScript } from '../redis/lua-script.js';

/**
 * Moves a comment to a new status atomically, keeping every index in step: moderation queues,
 * the article's approved index and count, the parent's replies, the author's counters, and
 * the site's event stream. Refuses when the stored version is not the expected one, so a late
 * pipeline job never overwrites a human decision and two moderators cannot both win.
 * KEYS: 1 comment, 2 events, 3-6 queues pending/approved/held/rejected, 7 article hash,
 *       8 article roots, 9 parent replies (or comment), 10 author
 * ARGV: 1 new status, 2 expected version, 3 queue score, 4 stream maxlen, 5 id,
 *       6 event type, 7 event JSON, 8 has parent ('1'/'0'), 9.. hash field/value pairs
 * Returns {'ok', previousStatus} | {'conflict', currentVersion} | {'missing', ''}.
 */
export const transitionScript = new LuaScript(`
local current = redis.call('HMGET', KEYS[1], 'status', 'version')
if not current[1] then return {'missing', ''} end
if current[2] ~= ARGV[2] then return {'conflict', current[2]} end
local old = current[1]
local new = ARGV[1]
local queues = {pending = KEYS[3], approved = KEYS[4], held = KEYS[5], rejected = KEYS[6]}
local fields = {'status', new, 'version', tostring(tonumber(current[2]) + 1)}
for i = 9, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('ZREM', queues[old], ARGV[5])
redis.call('ZADD', queues[new], ARGV[3], ARGV[5])
local index = KEYS[8]
if ARGV[8] == '1' then index = KEYS[9] end
if new == 'approved' and old ~= 'approved' then
  redis.call('ZADD', index, 0, ARGV[5])
  redis.call('HINCRBY', KEYS[7], 'approved', 1)
elseif old == 'approved' and new ~= 'approved' then
  redis.call('ZREM', index, ARGV[5])
  redis.call('HINCRBY', KEYS[7], 'approved', -1)
end
if old ~= new then
  if old == 'approved' or old == 'rejected' then redis.call('HINCRBY', KEYS[10], old, -1) end
  if new == 'approved' or new == 'rejected' then redis.call('HINCRBY', KEYS[10], new, 1) end
end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[4], '*', 't', ARGV[6], 'd', ARGV[7])
return {'ok', old}
`);
