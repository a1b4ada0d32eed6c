import { LuaScript } from '../redis/lua-script.js';

/**
 * Makes a published comment one of the newsroom's picks, or takes it off them, atomically:
 * the comment (featuredAt, version), the article's picks, the audit log and a
 * `comment.featured` event. Refuses a comment whose version moved since it was read, and
 * featuring one that is not approved.
 * KEYS: 1 comment, 2 article's picks, 3 events, 4 audit
 * ARGV: 1 plan JSON {id, featured, at, ms, expectedVersion, event, audit, maxlen, auditMaxlen}
 * Returns {'ok'} | {'conflict'} | {'not_approved'} | {'missing'}.
 */
export const featureScript = new LuaScript(`
local plan = cjson.decode(ARGV[1])
local c = redis.call('HMGET', KEYS[1], 'status', 'version')
if not c[1] then return {'missing'} end
if c[2] ~= plan.expectedVersion then return {'conflict'} end
if plan.featured and c[1] ~= 'approved' then return {'not_approved'} end
if plan.featured then
  redis.call('HSET', KEYS[1], 'featuredAt', plan.at)
  redis.call('ZADD', KEYS[2], plan.ms, plan.id)
else
  redis.call('HDEL', KEYS[1], 'featuredAt')
  redis.call('ZREM', KEYS[2], plan.id)
end
redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('XADD', KEYS[4], 'MAXLEN', '~', plan.auditMaxlen, '*', 'd', plan.audit)
redis.call('XADD', KEYS[3], 'MAXLEN', '~', plan.maxlen, '*', 't', 'comment.featured', 'd', plan.event)
return {'ok'}
`);
