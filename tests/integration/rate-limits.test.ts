import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, postComment, type TestSite } from '../support/fixtures.js';

let server: TestServer;
let site: TestSite;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_IP_PER_MINUTE: '5', RATE_LIMIT_AUTHOR_PER_MINUTE: '3' });
  site = await createTestSite(server);
});
afterAll(() => server.close());

describe('write rate limits', () => {
  it('answers 429 with Retry-After once an author has spent their writes', async () => {
    const h = { 'x-device-id': 'device-limit-0001' };
    for (let i = 0; i < 3; i++) {
      expect((await postComment(server, site, 'rl', { body: `n${i}`, author: { name: 'A' } }, h)).status).toBe(202);
    }
    const res = await postComment(server, site, 'rl', { body: 'n4', author: { name: 'A' } }, h);
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('rate_limited');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits one address across authors', async () => {
    // 4 writes were counted above for this address (the refused one too): one more passes
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await postComment(server, site, 'rl', { body: `m${i}` , author: { name: 'B' } }, { 'x-device-id': `device-ip-000${i}` });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([202, 429, 429]);
  });
});
