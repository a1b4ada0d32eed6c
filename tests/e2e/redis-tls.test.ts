import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, createRedis } from '../../core/redis/connection.js';
import { readRedisSettings } from '../../core/redis/redis-settings.js';
import { createTestSite, postComment } from '../support/fixtures.js';
import { waitUntil } from '../support/in-process-worker.js';
import { startStack, type PalabreStack } from '../support/palabre-stack.js';
import type { PrivateRedis } from '../support/private-redis.js';
import { startProcess } from '../support/processes.js';
import { makeTestPki, startTlsRedis, type TestPki } from '../support/tls-redis.js';

let dir: string;
let pki: TestPki;
let redis: PrivateRedis & { tlsPort: number };
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'palabre-tls-'));
  pki = makeTestPki(join(dir, 'pki'), 'localhost');
  redis = await startTlsRedis(pki);
}, 30_000);
afterAll(async () => {
  await redis?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const tlsEnv = (overrides: Record<string, string> = {}) => ({
  REDIS_URL: `rediss://localhost:${redis.tlsPort}`,
  REDIS_TLS_CA_FILE: pki.caFile,
  REDIS_TLS_CERT_FILE: pki.clientCertFile,
  REDIS_TLS_KEY_FILE: pki.clientKeyFile,
  ...overrides,
});

/** Connects as a Palabre process would at boot; resolves to the error message, or 'connected'. */
async function bootConnect(env: Record<string, string>): Promise<string> {
  const { settings, problems } = readRedisSettings(env);
  expect(problems).toEqual([]);
  const client = createRedis(settings);
  try {
    await connectRedis(client, settings);
    return 'connected';
  } catch (err) {
    return (err as Error).message;
  } finally {
    client.disconnect();
  }
}

describe('Redis over TLS (rediss://)', () => {
  let stack: PalabreStack | undefined;
  afterAll(() => stack?.stop());

  it('runs a real server and worker against redis-server --tls-port with the CA, a client certificate and the name checked', async () => {
    // the stack's own bookkeeping client uses the plain port; Palabre's processes only know the TLS URL
    stack = await startStack({ redisUrl: redis.url, env: tlsEnv() });
    const site = await createTestSite(stack);
    const res = await postComment(stack, site, 'tls', { body: 'Un commentaire chiffré en route.', author: { name: 'Awa' } });
    expect(res.status).toBe(202);
    const decided = await waitUntil(
      () => stack!.redis.hget(`${stack!.prefix}:{site:${site.id}}:c:${res.body.comment.id}`, 'status'),
      (status) => status !== null && status !== 'pending',
      20_000,
    );
    expect(decided).toBe('approved');
  }, 90_000);

  it('refuses at start, in one clear line, a Redis whose certificate another CA signed', async () => {
    const server = startProcess('server', 'server/main.ts', {
      NODE_ENV: 'test',
      PORT: '0',
      KEY_PREFIX: 'tls-wrong-ca',
      DEMO_SITE: '0',
      ...tlsEnv({ REDIS_TLS_CA_FILE: pki.otherCaFile }),
    });
    expect(await server.exited).toBe(1);
    const lines = server.output().split('\n').filter((l) => l.startsWith('palabre:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^palabre: Cannot reach Redis at rediss://localhost:${redis.tlsPort}: its TLS certificate is not signed by a trusted CA \\(SELF_SIGNED_CERT_IN_CHAIN\\): set REDIS_TLS_CA_FILE`),
    );
  }, 30_000);

  it("checks the server's name: the certificate is for localhost, not 127.0.0.1, unless REDIS_TLS_SERVERNAME says so", async () => {
    const byAddress = tlsEnv({ REDIS_URL: `rediss://127.0.0.1:${redis.tlsPort}` });
    expect(await bootConnect(byAddress)).toMatch(/its TLS certificate is for another name .*REDIS_TLS_SERVERNAME/);
    expect(await bootConnect({ ...byAddress, REDIS_TLS_SERVERNAME: 'localhost' })).toBe('connected');
    expect(await bootConnect({ ...byAddress, REDIS_TLS_SERVERNAME: 'redis.elsewhere.example' })).toMatch(/another name/);
  }, 30_000);

  it('is refused by a Redis that asks for a client certificate when none is given', async () => {
    const message = await bootConnect({ REDIS_URL: `rediss://localhost:${redis.tlsPort}`, REDIS_TLS_CA_FILE: pki.caFile });
    // Redis either sends TLS 1.3's certificate_required alert or resets the handshake, as timing has it
    expect(message).toMatch(/^Cannot reach Redis at rediss:\/\/localhost:\d+: (Redis asks for a client certificate|the TLS handshake failed .* require a client certificate)/);
    expect(message).toMatch(/REDIS_TLS_CERT_FILE and REDIS_TLS_KEY_FILE/);
    expect(message).not.toContain('\n');
  }, 30_000);
});
