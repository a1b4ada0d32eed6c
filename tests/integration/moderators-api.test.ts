import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, postComment } from '../support/fixtures.js';

let server: TestServer;
let admin: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  admin = { authorization: `Bearer ${server.adminToken}` };
});
afterAll(() => server.close());

describe('moderator accounts', () => {
  it('creates a moderator whose token reads comments of its site', async () => {
    const site = await createTestSite(server);
    const created = await api(server.url, 'POST', `/api/v1/sites/${site.id}/moderators`, {
      headers: admin,
      body: { name: 'Koffi', role: 'moderator' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Koffi', role: 'moderator', siteId: site.id });
    expect(typeof created.body.token).toBe('string');
    const posted = await postComment(server, site, 'a1', { body: 'Bonjour', author: { name: 'Awa' } });
    const read = await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${posted.body.comment.id}`, {
      headers: { authorization: `Bearer ${created.body.token}` },
    });
    expect(read.status).toBe(200);
    expect(read.body.comment.status).toBe('pending');
  });

  it('revokes a moderator: the token fails at once with 401', async () => {
    const site = await createTestSite(server);
    const posted = await postComment(server, site, 'a1', { body: 'Bonjour', author: { name: 'Awa' } });
    const path = `/api/v1/sites/${site.id}/comments/${posted.body.comment.id}`;
    const auth = { authorization: `Bearer ${site.moderatorToken}` };
    expect((await api(server.url, 'GET', path, { headers: auth })).status).toBe(200);
    const del = await api(server.url, 'DELETE', `/api/v1/sites/${site.id}/moderators/${site.moderatorId}`, {
      headers: admin,
    });
    expect(del.status).toBe(204);
    const after = await api(server.url, 'GET', path, { headers: auth });
    expect(after.status).toBe(401);
  });

  it('answers 404 when revoking an unknown moderator', async () => {
    const site = await createTestSite(server);
    const del = await api(server.url, 'DELETE', `/api/v1/sites/${site.id}/moderators/01J00000000000000000000000`, {
      headers: admin,
    });
    expect(del.status).toBe(404);
    expect(del.body.error.code).toBe('moderator_not_found');
  });

  it('refuses a moderator of site A on site B with 403', async () => {
    const a = await createTestSite(server);
    const b = await createTestSite(server);
    const posted = await postComment(server, b, 'a1', { body: 'Bonjour', author: { name: 'Awa' } });
    const res = await api(server.url, 'GET', `/api/v1/sites/${b.id}/comments/${posted.body.comment.id}`, {
      headers: { authorization: `Bearer ${a.moderatorToken}` },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('refuses a forged token with 401', async () => {
    const site = await createTestSite(server);
    const forged = site.moderatorToken.slice(0, -4) + 'AAAA';
    const res = await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/01J00000000000000000000000`, {
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(res.status).toBe(401);
  });

  it('lists the moderators of a site', async () => {
    const site = await createTestSite(server);
    const res = await api(server.url, 'GET', `/api/v1/sites/${site.id}/moderators`, { headers: admin });
    expect(res.status).toBe(200);
    expect(res.body.moderators.map((m: { name: string }) => m.name)).toEqual(['Fatou']);
    expect(JSON.stringify(res.body)).not.toContain('token');
  });
});
