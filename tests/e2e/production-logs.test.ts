import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, postComment, type TestSite } from '../support/fixtures.js';
import { waitUntil } from '../support/in-process-worker.js';
import { startStack, type PalabreStack } from '../support/palabre-stack.js';
import { freePort, startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { connect, connected } from '../support/sockets.js';
import { readerSsoToken } from '../support/sso-token.js';
import { api } from '../support/test-server.js';

/** Every secret the processes hold or handle; none may reach their output. */
const secrets = {
  adminToken: 'adm_production_secret_4f1c9a7e2b',
  jwtSecret: 'jwt-production-secret-9d2e7c4b1a0f-5e8d3c',
  metricsToken: 'metrics_production_secret_7a3e',
  redisPassword: 'redis-acl-password-c81f0e',
};

let dir: string;
let redis: PrivateRedis;
let stack: PalabreStack;
let site: TestSite;
const handled: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'palabre-prod-logs-'));
  const file = (name: string, value: string) => {
    writeFileSync(join(dir, name), `${value}\n`);
    return join(dir, name);
  };
  redis = await startPrivateRedis(['--user', 'palabre', 'on', `>${secrets.redisPassword}`, '~*', '&*', '+@all', '--maxmemory-policy', 'noeviction']);
  const workerMetricsPort = await freePort();
  stack = await startStack({
    workers: 0,
    redisUrl: `redis://palabre:${secrets.redisPassword}@127.0.0.1:${redis.port}`,
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'debug', // stricter than production's info
      DEMO_SITE: '1', // asked for: created, but its token must not be printed
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
      REDIS_USERNAME: 'palabre',
      REDIS_PASSWORD_FILE: file('redis_password', secrets.redisPassword),
      ADMIN_TOKEN: '',
      ADMIN_TOKEN_FILE: file('admin_token', secrets.adminToken),
      JWT_SECRET: '',
      JWT_SECRET_FILE: file('jwt_secret', secrets.jwtSecret),
      METRICS_TOKEN: secrets.metricsToken,
      WORKER_METRICS_PORT: String(workerMetricsPort),
    },
  });
  await stack.startWorker({ WORKER_METRICS_PORT: String(workerMetricsPort) });
  stack.adminToken = secrets.adminToken;
  site = await createTestSite(stack);
  handled.push(site.moderatorToken, site.ssoSecret);

  // what a production day does: posts with and without SSO, moderation, metrics, refusals
  const sso = await readerSsoToken(site, { sub: 'reader-42', name: 'Aminata', email: 'aminata@example.org' });
  handled.push(sso);
  const signedIn = await postComment(stack, site, 'prod', { body: 'Un avis posé sur la réforme.', author: { name: 'x' } }, { 'x-sso-token': sso });
  expect(signedIn.status).toBe(202);
  await postComment(stack, site, 'prod', { body: 'Quel abruti ce ministre, franchement.', author: { name: 'Kofi' } });
  const webhookSecret = 'whsec_production_secret_0c6d1e9f';
  handled.push(webhookSecret);
  await api(stack.url, 'PATCH', `/api/v1/sites/${site.id}`, {
    headers: { authorization: `Bearer ${secrets.adminToken}` },
    body: { policy: { alerts: { webhooks: { newsroom: { url: 'http://127.0.0.1:9/hook', secret: webhookSecret } } } } },
  });
  const moderator = connect(stack.url, '/moderation', { token: site.moderatorToken });
  await connected(moderator);
  await moderator.request('subscribe', { siteId: site.id });
  moderator.close();
  await api(stack.url, 'GET', '/metrics', { headers: { authorization: `Bearer ${secrets.metricsToken}` } });
  await fetch(`http://127.0.0.1:${workerMetricsPort}/metrics`, { headers: { authorization: `Bearer ${secrets.metricsToken}` } });
  // refusals log their code; the credentials they carried must not follow
  await api(stack.url, 'GET', `/api/v1/sites/${site.id}`, { headers: { authorization: `Bearer ${secrets.adminToken}x` } });
  await api(stack.url, 'GET', `/api/v1/sites/${site.id}/moderation/queue`, { headers: { authorization: `Bearer ${site.moderatorToken}.forged` } });
  await api(stack.url, 'GET', `/api/v1/sites/${site.id}/moderation/queue?token=${site.moderatorToken}`);
  await waitUntil(
    () => api(stack.url, 'GET', `/api/v1/sites/${site.id}/comments/${signedIn.body.comment.id}`, { headers: { authorization: `Bearer ${site.moderatorToken}` } }),
    (r) => r.body.comment?.status !== 'pending',
    20_000,
  );
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await redis?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('a production server and worker (NODE_ENV=production, LOG_LEVEL=debug)', () => {
  it('print no token and no secret on stdout or stderr', async () => {
    await stack.server.stop('SIGTERM'); // shutdown lines too
    const output = [stack.server, ...stack.workers].map((p) => p.output()).join('\n');
    expect(output).toMatch(/palabre server listening/i); // the capture works
    expect(output.length).toBeGreaterThan(1000);
    for (const [name, value] of Object.entries(secrets)) expect(output.includes(value), name).toBe(false);
    for (const value of handled) expect(output.includes(value), value.slice(0, 12)).toBe(false);
    // no JSON Web Token of any kind, whoever made it (the demo moderator's included)
    expect(output).not.toMatch(/eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]+/);
    expect(output).not.toMatch(/moderator token:|ADMIN_TOKEN \(development/);
  });

  it('create the demo site asked for, and say where to get a moderator token instead of printing one', () => {
    expect(stack.server.output()).toMatch(/demo site created; make a moderator with POST/);
  });
});
