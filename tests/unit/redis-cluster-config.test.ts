import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import { isClusterUrl, parseClusterUrl } from '../../core/redis/cluster-connection.js';
import { keySlot } from '../../core/redis/cluster-slots.js';
import { redisKeys } from '../../core/redis/keys.js';

describe('REDIS_URL for Redis Cluster', () => {
  it('accepts redis-cluster:// and rediss-cluster:// and still refuses other schemes', () => {
    expect(loadConfig({ REDIS_URL: 'redis-cluster://10.0.0.1:7000?seeds=10.0.0.2:7000' }).REDIS_URL).toMatch(/^redis-cluster:/);
    expect(loadConfig({ REDIS_URL: 'rediss-cluster://u:p@cache.example:6380' }).REDIS_URL).toMatch(/^rediss-cluster:/);
    expect(() => loadConfig({ REDIS_URL: 'http://10.0.0.1:7000' })).toThrow(/REDIS_URL/);
  });

  it('tells a cluster URL from a single-Redis URL', () => {
    expect(isClusterUrl('redis-cluster://h:1')).toBe(true);
    expect(isClusterUrl('rediss-cluster://h:1')).toBe(true);
    expect(isClusterUrl('redis://h:1')).toBe(false);
    expect(isClusterUrl(undefined)).toBe(false);
  });

  it('reads every seed, the credentials and TLS from the URL', () => {
    expect(parseClusterUrl('rediss-cluster://palabre:s%40cret@10.0.0.1:7000?seeds=10.0.0.2:7001,node-3')).toEqual({
      seeds: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
        { host: 'node-3', port: 6379 },
      ],
      nodeOptions: { username: 'palabre', password: 's@cret', tls: {} },
    });
    expect(parseClusterUrl('redis-cluster://127.0.0.1:7000')).toEqual({ seeds: [{ host: '127.0.0.1', port: 7000 }], nodeOptions: {} });
  });
});

describe('keySlot', () => {
  it('is CRC16-XMODEM modulo 16384, like CLUSTER KEYSLOT', () => {
    expect(keySlot('123456789')).toBe(0x31c3 % 16_384); // the CRC's published check value
    expect(keySlot('')).toBe(0);
  });

  it("hashes only the first non-empty {tag}, so a site's keys share one slot", () => {
    const keys = redisKeys('pal');
    const slot = keySlot(keys.events('01JSITE'));
    expect(keySlot(keys.comment('01JSITE', '01JCOMMENT'))).toBe(slot);
    expect(keySlot(keys.author('01JSITE', 'reader-1'))).toBe(slot);
    expect(slot).toBe(keySlot('site:01JSITE'));
    expect(keySlot('x{a}y{b}')).toBe(keySlot('a')); // the first tag only
    expect(keySlot('a{}{b}')).not.toBe(keySlot('b')); // an empty first tag: the whole key counts
  });
});
