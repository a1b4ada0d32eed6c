import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, postComment, type TestSite } from '../support/fixtures.js';

const lines: string[] = [];
let server: TestServer;
let site: TestSite;

beforeAll(async () => {
  server = await startTestServer({ LOG_LEVEL: 'info' }, { write: (s: string) => lines.push(s) });
  site = await createTestSite(server);
});
afterAll(() => server.close());

describe('request logs', () => {
  it('are JSON lines with the request id, without the comment body or credentials', async () => {
    const res = await postComment(server, site, 'log-1', { body: 'texte-secret-du-lecteur', author: { name: 'Awa' } }, {
      'x-request-id': 'req-abc-123',
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('x-request-id')).toBe('req-abc-123');
    const all = lines.join('');
    const entries = lines.map((l) => JSON.parse(l) as { req?: { id?: string } });
    expect(entries.some((e) => e.req?.id === 'req-abc-123')).toBe(true);
    expect(all).not.toContain('texte-secret-du-lecteur');
    expect(all).not.toContain(site.publicKey);
    expect(all).not.toContain(server.adminToken);
  });

  it('generates a request id when the client sends none', async () => {
    const res = await api(server.url, 'GET', '/healthz');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
