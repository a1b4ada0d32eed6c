import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import { freePort } from '../support/private-redis.js';
import { startProcess } from '../support/processes.js';
import { TEST_REDIS_URL } from '../support/redis-prefix.js';

describe('sign-in with OpenID Connect, misconfigured', () => {
  it('names every missing setting when only some are given', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example.org/realms/redaction', OIDC_CLIENT_ID: 'palabre' })).toThrow(
      /OIDC_CLIENT_SECRET: required for sign-in with OpenID Connect[\s\S]*OIDC_REDIRECT_URI: required/,
    );
    expect(() => loadConfig({ OIDC_ISSUER: 'ftp://idp.example.org' })).toThrow(/OIDC_ISSUER/);
  });

  it('stops the server at boot, in one line, when the provider cannot be discovered', async () => {
    const port = await freePort();
    const server = startProcess('server', 'server/main.ts', {
      NODE_ENV: 'test',
      PORT: '0',
      REDIS_URL: TEST_REDIS_URL,
      KEY_PREFIX: 'oidc-boot',
      DEMO_SITE: '0',
      LOG_LEVEL: 'silent',
      OIDC_ISSUER: `http://127.0.0.1:${port}/realms/redaction`,
      OIDC_CLIENT_ID: 'palabre',
      OIDC_CLIENT_SECRET: 'a-client-secret',
      OIDC_REDIRECT_URI: 'http://127.0.0.1:3000/auth/oidc/callback',
    });
    expect(await server.exited).toBe(1);
    const lines = server.output().split('\n').filter((l) => l.startsWith('palabre:'));
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^palabre: Cannot use the OpenID provider at OIDC_ISSUER=http://127.0.0.1:${port}/realms/redaction: .*well-known/openid-configuration must answer`))]);
  }, 30_000);
});

describe('Redis Sentinel, unreachable', () => {
  it('stops the server at boot, in one line naming the sentinels and the master, when no sentinel answers', async () => {
    const [a, b] = [await freePort(), await freePort()];
    const server = startProcess('server', 'server/main.ts', {
      NODE_ENV: 'test',
      PORT: '0',
      REDIS_URL: `redis-sentinel://127.0.0.1:${a},127.0.0.1:${b}/palabre`,
      KEY_PREFIX: 'sentinel-boot',
      DEMO_SITE: '0',
      LOG_LEVEL: 'silent',
    });
    expect(await server.exited).toBe(1);
    const lines = server.output().split('\n').filter((l) => l.startsWith('palabre:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`palabre: Cannot reach Redis at redis-sentinel://127.0.0.1:${a},127.0.0.1:${b}/palabre: no sentinel of 127.0.0.1:${a}, 127.0.0.1:${b} `)).toBe(true);
    expect(lines[0]).toMatch(/gave the address of a master named "palabre" .*Check that the sentinels run and monitor "palabre"\.$/);
  }, 30_000);
});

