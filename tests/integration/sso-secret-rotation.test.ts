import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, postComment, type TestSite } from '../support/fixtures.js';
import { readerSsoToken } from '../support/sso-token.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let site: TestSite;
const admin = () => ({ authorization: `Bearer ${server.adminToken}` });

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server);
});
afterAll(() => server.close());

const postSignedWith = async (ssoSecret: string, sub: string) =>
  postComment(server, site, 'rotation', { body: 'Un avis de lecteur.', author: { name: 'x' } }, {
    'x-sso-token': await readerSsoToken({ id: site.id, ssoSecret }, { sub, name: 'Lecteur' }),
  });

describe('rotating a site\'s SSO secret', () => {
  it('accepts readers signed with the previous secret during the grace period, then only the new one', async () => {
    const first = site.ssoSecret;
    const rotated = await api(server.url, 'POST', `/api/v1/sites/${site.id}/sso-secret/rotate`, { headers: admin(), body: { graceSeconds: 3600 } });
    expect(rotated.status).toBe(200);
    const second = rotated.body.ssoSecret as string;
    expect(second).not.toBe(first);
    expect(Date.parse(rotated.body.previousSsoSecretUntil) - Date.now()).toBeGreaterThan(3500_000);
    expect((await postSignedWith(first, 'old-page')).status).toBe(202);
    expect((await postSignedWith(second, 'new-page')).status).toBe(202);

    // a second rotation with no grace: the first secret is gone, the second lasts no longer
    const again = await api(server.url, 'POST', `/api/v1/sites/${site.id}/sso-secret/rotate`, { headers: admin(), body: { graceSeconds: 0 } });
    const third = again.body.ssoSecret as string;
    for (const stale of [first, second]) {
      const refused = await postSignedWith(stale, 'stale');
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe('invalid_sso_token');
    }
    expect((await postSignedWith(third, 'fresh')).status).toBe(202);

    const got = await api(server.url, 'GET', `/api/v1/sites/${site.id}`, { headers: admin() });
    expect(got.body).toMatchObject({ ssoSecret: third, previousSsoSecret: second });
    const audit = await api(server.url, 'GET', `/api/v1/sites/${site.id}/audit`, { headers: admin() });
    const rotations = audit.body.entries.filter((e: { action: string }) => e.action === 'site.sso_secret_rotate');
    expect(rotations).toHaveLength(2);
    expect(JSON.stringify(rotations)).not.toContain(second); // the audit log says when, not what
  });

  it('is for site admins only', async () => {
    const res = await api(server.url, 'POST', `/api/v1/sites/${site.id}/sso-secret/rotate`, {
      headers: { authorization: `Bearer ${site.moderatorToken}` },
      body: {},
    });
    expect(res.status).toBe(403);
  });
});
