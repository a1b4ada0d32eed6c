import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { createTestSite, type TestSite } from '../support/fixtures.js';

let server: TestServer;
let admin: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  admin = { authorization: `Bearer ${server.adminToken}` };
});
afterAll(() => server.close());

describe('sites admin API', () => {
  it('creates a site with keys and the default policy', async () => {
    const res = await api(server.url, 'POST', '/api/v1/sites', {
      headers: admin,
      body: { name: 'Abidjan Matin', origins: ['https://abidjan-matin.example'] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Abidjan Matin', origins: ['https://abidjan-matin.example'] });
    expect(res.body.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(res.body.publicKey).toMatch(/^pk_/);
    expect(res.body.ssoSecret).toMatch(/^sso_/);
    expect(res.body.policy).toMatchObject({
      mode: 'post',
      thresholds: { toxicity: { hold: 0.5, reject: 0.9 }, spam: { hold: 0.5, reject: 0.9 } },
    });
  });

  it('gets a site back by id', async () => {
    const site = await createTestSite(server);
    const res = await api(server.url, 'GET', `/api/v1/sites/${site.id}`, { headers: admin });
    expect(res.status).toBe(200);
    expect(res.body.publicKey).toBe(site.publicKey);
  });

  it('patches the policy field by field without resetting the rest', async () => {
    const site = await createTestSite(server, { mode: 'pre', holdLinks: true });
    const res = await api(server.url, 'PATCH', `/api/v1/sites/${site.id}`, {
      headers: admin,
      body: { name: 'Renamed', policy: { thresholds: { toxicity: { hold: 0.4 } } } },
    });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Renamed');
    expect(res.body.policy.mode).toBe('pre');
    expect(res.body.policy.holdLinks).toBe(true);
    expect(res.body.policy.thresholds.toxicity).toEqual({ hold: 0.4, reject: 0.9 });
    const again = await api(server.url, 'GET', `/api/v1/sites/${site.id}`, { headers: admin });
    expect(again.body.policy.thresholds.toxicity.hold).toBe(0.4);
  });

  it('patches surge protection field by field: a later threshold change keeps it on', async () => {
    const site = await createTestSite(server);
    const patch = (surge: Record<string, unknown>) =>
      api(server.url, 'PATCH', `/api/v1/sites/${site.id}`, { headers: admin, body: { policy: { surge } } });
    expect((await patch({ enabled: true })).body.policy.surge).toMatchObject({ enabled: true, minComments: 20 });
    const res = await patch({ minComments: 50 });
    expect(res.body.policy.surge).toMatchObject({ enabled: true, minComments: 50, rateMultiplier: 5 });
  });

  it('refuses an origin with a path with 400 validation_failed naming the field', async () => {
    const res = await api(server.url, 'POST', '/api/v1/sites', {
      headers: admin,
      body: { name: 'X', origins: ['https://example.com/path'] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(JSON.stringify(res.body.error.details)).toContain('origins');
  });

  it('refuses a threshold outside 0..1', async () => {
    const site = await createTestSite(server);
    const res = await api(server.url, 'PATCH', `/api/v1/sites/${site.id}`, {
      headers: admin,
      body: { policy: { thresholds: { spam: { reject: 1.5 } } } },
    });
    expect(res.status).toBe(400);
  });

  it('answers 401 without a token and with a wrong one', async () => {
    expect((await api(server.url, 'POST', '/api/v1/sites', { body: { name: 'x', origins: [] } })).status).toBe(401);
    const wrong = await api(server.url, 'POST', '/api/v1/sites', {
      headers: { authorization: 'Bearer not-the-admin-token' },
      body: { name: 'x', origins: [] },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('unauthorized');
  });

  it('answers 404 site_not_found for an unknown site', async () => {
    const res = await api(server.url, 'GET', '/api/v1/sites/01J00000000000000000000000', { headers: admin });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('site_not_found');
  });

  it('answers 400 invalid_json for a malformed body, without a stack trace', async () => {
    const res = await api(server.url, 'POST', '/api/v1/sites', { headers: admin, rawBody: '{"name": ' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js/);
  });
});

describe('site admins', () => {
  let site: TestSite;
  let siteAdminToken: string;
  beforeAll(async () => {
    site = await createTestSite(server);
    const res = await api(server.url, 'POST', `/api/v1/sites/${site.id}/moderators`, {
      headers: admin,
      body: { name: 'Rédactrice en chef', role: 'admin' },
    });
    siteAdminToken = res.body.token;
  });

  it('lets a site admin change the policy of their site', async () => {
    const res = await api(server.url, 'PATCH', `/api/v1/sites/${site.id}`, {
      headers: { authorization: `Bearer ${siteAdminToken}` },
      body: { policy: { mode: 'pre' } },
    });
    expect(res.status).toBe(200);
    expect(res.body.policy.mode).toBe('pre');
  });

  it('does not let a plain moderator change the policy (403)', async () => {
    const res = await api(server.url, 'PATCH', `/api/v1/sites/${site.id}`, {
      headers: { authorization: `Bearer ${site.moderatorToken}` },
      body: { policy: { mode: 'pre' } },
    });
    expect(res.status).toBe(403);
  });

  it('does not let a site admin create sites (401: admin token only)', async () => {
    const res = await api(server.url, 'POST', '/api/v1/sites', {
      headers: { authorization: `Bearer ${siteAdminToken}` },
      body: { name: 'x', origins: [] },
    });
    expect(res.status).toBe(401);
  });
});
