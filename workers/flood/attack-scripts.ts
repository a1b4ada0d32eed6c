import { LuaScript } from '../../core/redis/lua-script.js';

/**
 * Starts the site's attack unless one is running (two workers may see the same flood): writes
 * the attack hash, appends the audit entry and the `attack.started` event.
 * KEYS: 1 attack hash, 2 audit stream, 3 events stream
 * ARGV: 1 plan JSON {fields: [field, value, …], audit, auditMaxlen, event, maxlen}
 * Returns 1 when started, 0 when an attack was already running.
 */
export const startAttackScript = new LuaScript(`
local plan = cjson.decode(ARGV[1])
if redis.call('HEXISTS', KEYS[1], 'startedAt') == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(plan.fields))
redis.call('XADD', KEYS[2], 'MAXLEN', '~', plan.auditMaxlen, '*', 'd', plan.audit)
redis.call('XADD', KEYS[3], 'MAXLEN', '~', plan.maxlen, '*', 't', 'attack.started', 'd', plan.event)
return 1
`);

/**
 * Counts one more flagged comment into the running attack, if there is one.
 * KEYS: 1 attack hash
 * ARGV: 1 plan JSON {nowMs, heldOrRejected (0|1), signals: [signal…], articleId}
 * Returns 1 when an attack was running, else 0.
 */
export const countIntoAttackScript = new LuaScript(`
local plan = cjson.decode(ARGV[1])
if redis.call('HEXISTS', KEYS[1], 'startedAt') == 0 then return 0 end
redis.call('HSET', KEYS[1], 'lastSignalAt', plan.nowMs)
redis.call('HINCRBY', KEYS[1], 'flagged', 1)
redis.call('HINCRBY', KEYS[1], 'heldOrRejected', plan.heldOrRejected)
for _, s in ipairs(plan.signals) do redis.call('HINCRBY', KEYS[1], 's:' .. s, 1) end
redis.call('HINCRBY', KEYS[1], 'art:' .. plan.articleId, 1)
return 1
`);

/**
 * Ends the attack that was read as quiet, unless a flagged comment came meanwhile: deletes the
 * attack hash, appends the audit entry and the `attack.ended` event.
 * KEYS: 1 attack hash, 2 audit stream, 3 events stream
 * ARGV: 1 plan JSON {lastSignalAt, audit, auditMaxlen, event, maxlen}
 * Returns 1 when ended, 0 otherwise.
 */
export const endAttackScript = new LuaScript(`
local plan = cjson.decode(ARGV[1])
if redis.call('HGET', KEYS[1], 'lastSignalAt') ~= plan.lastSignalAt then return 0 end
redis.call('DEL', KEYS[1])
redis.call('XADD', KEYS[2], 'MAXLEN', '~', plan.auditMaxlen, '*', 'd', plan.audit)
redis.call('XADD', KEYS[3], 'MAXLEN', '~', plan.maxlen, '*', 't', 'attack.ended', 'd', plan.event)
return 1
`);
