import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { LuaScript } from '../../core/redis/lua-script.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../support/redis-prefix.js';

const redis = new Redis(TEST_REDIS_URL);
const prefix = uniquePrefix();
afterAll(async () => {
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

// a source of its own (the nonce), so Redis has never seen it: its first calls by SHA meet NOSCRIPT
const incrementScript = () =>
  new LuaScript(`-- ${randomBytes(8).toString('hex')}
return redis.call('INCRBY', KEYS[1], ARGV[1])`);

describe('several calls of a script in one pipeline (LuaScript.runMany)', () => {
  it('loads a script Redis does not know and runs every call once, in order', async () => {
    const script = incrementScript();
    const key = `${prefix}:{counter}:a`;
    const replies = await script.runMany(redis, [1, 2, 3].map((n) => ({ keys: [key], args: [n] })));
    expect(replies).toEqual([
      { ok: true, value: 1 },
      { ok: true, value: 3 },
      { ok: true, value: 6 },
    ]);
    expect(await redis.get(key)).toBe('6');
  });

  it('gives a call that fails its own error and still runs the others', async () => {
    const script = incrementScript();
    const key = `${prefix}:{counter}:b`;
    const notANumber = `${prefix}:{counter}:text`;
    await redis.set(notANumber, 'abc');
    const replies = await script.runMany(redis, [
      { keys: [key], args: [5] },
      { keys: [notANumber], args: [1] },
      { keys: [key], args: [5] },
    ]);
    expect(replies.map((r) => r.ok)).toEqual([true, false, true]);
    expect(replies[1]).toMatchObject({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('not an integer') }) });
    expect(await redis.get(key)).toBe('10');
  });

  it('answers an empty list without a round trip', async () => {
    expect(await incrementScript().runMany(redis, [])).toEqual([]);
  });
});
