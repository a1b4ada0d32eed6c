import { LuaScript } from '../../core/redis/lua-script.js';

/**
 * The write gate of one write, in one round trip: the reader's limit, the address's flood
 * ceiling (raised by the established readers seen on it), the new-device flood signals of the
 * address and its subnet, the flood signals of the article and the site, and — when a proof of
 * work is needed and one was verified — its single use. Counters move only for writes let
 * through, so a write refused for a missing solution and sent again with one counts once.
 * KEYS: 1 author hash, 2 reader counter, 3 address counter, 4 address's established readers,
 *       5 address new devices, 6 subnet new devices, 7 address signal, 8 subnet signal,
 *       9 article signal, 10 site attack hash, 11 used-solution key (the author hash when none)
 * ARGV: 1 plan JSON {nowMs, authorId, readerLimit, addressBase, perReader, addressMax,
 *       establishedApproved, establishedMs, newDevicesAddress, newDevicesSubnet, windowS, signalS,
 *       challenge ('off'|'adaptive'|'always'), solved (bool), usedTtl}
 * Returns JSON {outcome: 'allowed'|'reader_limited'|'address_limited'|'challenge_required'|'challenge_replayed',
 *       retryMs?, triggers[], established, newReader, deviceFlood?, newDevices, solved, author: {field: value}}.
 */
export const writeGateScript = new LuaScript(`
local p = cjson.decode(ARGV[1])
local now = tonumber(p.nowMs)
local raw = redis.call('HGETALL', KEYS[1])
local author = {}
for i = 1, #raw, 2 do author[raw[i]] = raw[i + 1] end
local newReader = author.firstSeenAt == nil
local approved = tonumber(author.approved or '0')
local firstMs = tonumber(author.firstSeenMs or '0')
-- an author first seen before first-seen times were kept in ms is old enough
local established = (not newReader) and approved >= p.establishedApproved and (firstMs == 0 or now - firstMs >= p.establishedMs)
local result = {triggers = {}, established = established, newReader = newReader, newDevices = 0, solved = false, author = author}

local readerCount = tonumber(redis.call('GET', KEYS[2]) or '0')
if readerCount >= p.readerLimit then
  result.outcome = 'reader_limited'
  result.retryMs = redis.call('PTTL', KEYS[2])
  return cjson.encode(result)
end

-- a new device id counts once per window, refused or not: the signal is what arrives
if newReader then
  local addedOnAddress = redis.call('SADD', KEYS[5], p.authorId)
  local onAddress = redis.call('SCARD', KEYS[5])
  -- the window starts with its first new device id
  if addedOnAddress == 1 and onAddress == 1 then redis.call('EXPIRE', KEYS[5], p.windowS) end
  local addedOnSubnet = redis.call('SADD', KEYS[6], p.authorId)
  local onSubnet = redis.call('SCARD', KEYS[6])
  if addedOnSubnet == 1 and onSubnet == 1 then redis.call('EXPIRE', KEYS[6], p.windowS) end
  if onAddress >= p.newDevicesAddress then redis.call('SET', KEYS[7], onAddress, 'EX', p.signalS) end
  if onSubnet >= p.newDevicesSubnet then redis.call('SET', KEYS[8], onSubnet, 'EX', p.signalS) end
end
local signals = redis.call('MGET', KEYS[7], KEYS[8], KEYS[9])
local underAttack = redis.call('HEXISTS', KEYS[10], 'startedAt') == 1
if signals[1] then
  result.deviceFlood = 'address'
  result.newDevices = tonumber(signals[1])
elseif signals[2] then
  result.deviceFlood = 'subnet'
  result.newDevices = tonumber(signals[2])
end

-- an established reader is seen on the address before its ceiling is read: the reader who
-- would be refused is the one who shows the address is shared
if established then
  redis.call('ZADD', KEYS[4], now, p.authorId)
  redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - 900000)
  redis.call('EXPIRE', KEYS[4], 900)
end
local sharing = redis.call('ZCARD', KEYS[4])
local ceiling = math.min(p.addressMax, p.addressBase + p.perReader * sharing)
local addressCount = tonumber(redis.call('GET', KEYS[3]) or '0')
local overCeiling = addressCount >= ceiling
-- past five times the ceiling no proof of work buys a write: storage is protected too
if addressCount >= ceiling * 5 or (overCeiling and p.challenge == 'off') then
  result.outcome = 'address_limited'
  result.retryMs = redis.call('PTTL', KEYS[3])
  return cjson.encode(result)
end

local t = result.triggers
if p.challenge == 'always' then
  t[#t + 1] = 'always'
elseif p.challenge == 'adaptive' then
  -- established readers have been answered: flood signals do not ask them for work
  if not established then
    if signals[1] then t[#t + 1] = 'address' end
    if signals[2] then t[#t + 1] = 'subnet' end
    if signals[3] then t[#t + 1] = 'article' end
    if underAttack then t[#t + 1] = 'site' end
  end
  if overCeiling then t[#t + 1] = 'address_ceiling' end
end
if #t > 0 then
  if not p.solved then
    result.outcome = 'challenge_required'
    return cjson.encode(result)
  end
  if not redis.call('SET', KEYS[11], '1', 'NX', 'EX', p.usedTtl) then
    result.outcome = 'challenge_replayed'
    return cjson.encode(result)
  end
  result.solved = true
end

if redis.call('INCR', KEYS[2]) == 1 then redis.call('EXPIRE', KEYS[2], 60) end
if redis.call('INCR', KEYS[3]) == 1 then redis.call('EXPIRE', KEYS[3], 60) end
result.outcome = 'allowed'
return cjson.encode(result)
`);
