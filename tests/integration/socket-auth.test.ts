import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, ORIGIN, type TestSite } from '../support/fixtures.js';
import { connect, connected } from '../support/sockets.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let site: TestSite;
const OTHER_ORIGIN = 'https://www.autre-journal.example';
beforeAll(async () => {
  server = await startTestServer();
  site = await createTestSite(server);
  // an origin the server knows (the upgrade passes its allowlist) but of another site
  const other = await api(server.url, 'POST', '/api/v1/sites', {
    headers: { authorization: `Bearer ${server.adminToken}` },
    body: { name: 'Autre journal', origins: [OTHER_ORIGIN] },
  });
  expect(other.status).toBe(201);
});
afterAll(() => server.close());

/** The connect_error message a handshake gets, or 'connected'. */
async function handshake(namespace: string, auth: Record<string, unknown>, headers: Record<string, string> = {}): Promise<string> {
  const s = connect(server.url, namespace, auth, headers);
  try {
    await connected(s);
    return 'connected';
  } catch (err) {
    return (err as Error).message;
  } finally {
    s.close();
  }
}

describe('socket authentication, shared with the HTTP routes', () => {
  it('answers a refused handshake with the error code as the connect_error message', async () => {
    expect(await handshake('/moderation', {})).toBe('unauthorized');
    expect(await handshake('/moderation', { token: 'x'.repeat(5000) })).toBe('unauthorized');
    expect(await handshake('/comments', { siteKey: 'pk_unknown' })).toBe('unauthorized');
    expect(await handshake('/comments', { siteKey: 42 })).toBe('unauthorized');
    expect(await handshake('/comments', { siteKey: site.publicKey }, { origin: OTHER_ORIGIN })).toBe('origin_not_allowed');
    expect(await handshake('/comments', { siteKey: site.publicKey }, { origin: ORIGIN })).toBe('connected');
    expect(await handshake('/moderation', { token: site.moderatorToken })).toBe('connected');
    expect(await handshake('/moderation', { token: server.adminToken })).toBe('connected');
  });

  it("answers 'unavailable' when the credentials cannot be checked because storage is down", async () => {
    server.deps.redis.disconnect();
    try {
      expect(await handshake('/comments', { siteKey: site.publicKey })).toBe('unavailable');
      expect(await handshake('/moderation', { token: site.moderatorToken })).toBe('unavailable');
    } finally {
      await server.deps.redis.connect();
    }
  });
});
