import { api } from './test-server.js';

/** Anything serving the Palabre API: an in-process test server or a spawned stack. */
export interface ApiTarget {
  url: string;
  adminToken: string;
}

export const ORIGIN = 'https://www.journal-test.example';

export interface TestSite {
  id: string;
  publicKey: string;
  ssoSecret: string;
  moderatorToken: string;
  moderatorId: string;
}

/** A site created through the admin API, with one moderator. */
export async function createTestSite(server: ApiTarget, policy: Record<string, unknown> = {}): Promise<TestSite> {
  const admin = { authorization: `Bearer ${server.adminToken}` };
  const site = await api(server.url, 'POST', '/api/v1/sites', {
    headers: admin,
    body: { name: 'Journal test', origins: [ORIGIN], policy },
  });
  if (site.status !== 201) throw new Error(`createSite: ${site.status} ${JSON.stringify(site.body)}`);
  const mod = await api(server.url, 'POST', `/api/v1/sites/${site.body.id}/moderators`, {
    headers: admin,
    body: { name: 'Fatou', role: 'moderator' },
  });
  if (mod.status !== 201) throw new Error(`createModerator: ${mod.status}`);
  return {
    id: site.body.id,
    publicKey: site.body.publicKey,
    ssoSecret: site.body.ssoSecret,
    moderatorToken: mod.body.token,
    moderatorId: mod.body.id,
  };
}

export const readerHeaders = (site: TestSite, extra: Record<string, string> = {}) => ({
  'x-site-key': site.publicKey,
  origin: ORIGIN,
  ...extra,
});

export const moderatorHeaders = (site: TestSite) => ({ authorization: `Bearer ${site.moderatorToken}` });

/** Posts a comment as a reader; returns the API response. */
export function postComment(
  server: ApiTarget,
  site: TestSite,
  articleId: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return api(server.url, 'POST', `/api/v1/sites/${site.id}/articles/${articleId}/comments`, {
    headers: readerHeaders(site, headers),
    body,
  });
}

/**
 * A word of its own for the n-th comment (n in base 26, as letters): templated test comments
 * that differ only by a number are one near-identical wave, which the text-campaign check holds.
 * @example `Avis ${wordOf(3)} numéro 3` // 'Avis bbd numéro 3'
 */
export function wordOf(n: number): string {
  let w = '';
  for (let k = n + 26 * 27; k > 0; k = Math.floor(k / 26)) w = String.fromCharCode(97 + (k % 26)) + w;
  return w;
}
