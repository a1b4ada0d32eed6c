import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import { parseSentinelUrl } from '../../core/redis/sentinel-url.js';

describe('REDIS_URL for Redis Sentinel', () => {
  it('reads every sentinel, the master name and the data nodes\' credentials', () => {
    expect(parseSentinelUrl('redis-sentinel://palabre:s%40cret@10.0.0.1:26379,10.0.0.2:26380,sentinel-3/mymaster')).toEqual({
      sentinels: [
        { host: '10.0.0.1', port: 26379 },
        { host: '10.0.0.2', port: 26380 },
        { host: 'sentinel-3', port: 26379 },
      ],
      name: 'mymaster',
      username: 'palabre',
      password: 's@cret',
      tls: false,
    });
    expect(parseSentinelUrl('rediss-sentinel://:pw@[::1]:26379/cache')).toMatchObject({ sentinels: [{ host: '::1', port: 26379 }], password: 'pw', tls: true });
  });

  it('is accepted by the configuration, and a malformed one is refused with what is wrong', () => {
    expect(loadConfig({ REDIS_URL: 'redis-sentinel://s1:26379,s2:26379/mymaster' }).REDIS_URL).toMatch(/^redis-sentinel:/);
    expect(() => loadConfig({ REDIS_URL: 'redis-sentinel://s1:26379' })).toThrow(/REDIS_URL: must end with the master group name/);
    expect(() => loadConfig({ REDIS_URL: 'redis-sentinel://s1:99999/m' })).toThrow(/REDIS_URL: "s1:99999" is not a sentinel host:port/);
    expect(() => loadConfig({ REDIS_URL: 'http://x' })).toThrow(/REDIS_URL: must start with redis:\/\//);
  });
});

describe('Redis TLS settings', () => {
  it('refuses certificate files with a URL that does not use TLS, and unreadable files', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://h:6379', REDIS_TLS_CA_FILE: '/etc/hostname' })).toThrow(/REDIS_URL does not use TLS/);
    expect(() => loadConfig({ REDIS_URL: 'rediss://h:6380', REDIS_TLS_CA_FILE: '/nonexistent/ca.pem' })).toThrow(
      /REDIS_TLS_CA_FILE: cannot read \/nonexistent\/ca.pem \(ENOENT\)/,
    );
    expect(() => loadConfig({ REDIS_URL: 'rediss://h:6380', REDIS_TLS_CERT_FILE: '/etc/hostname' })).toThrow(/needs its key/);
  });

  it('reads the files once at boot into the TLS options, with the name to check', () => {
    const c = loadConfig({ REDIS_URL: 'rediss://10.0.0.9:6380', REDIS_TLS_CA_FILE: '/etc/hostname', REDIS_TLS_SERVERNAME: 'redis.internal' });
    expect(c.redis.tls?.ca).toBeInstanceOf(Buffer);
    expect(c.redis.tls?.servername).toBe('redis.internal');
    expect(loadConfig({ REDIS_URL: 'redis://h:6379' }).redis.tls).toBeUndefined();
  });
});
