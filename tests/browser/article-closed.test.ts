import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDirectly } from '../support/approve-directly.js';
import { launchChromium } from '../support/chromium.js';
import { moderatorHeaders, type TestSite } from '../support/fixtures.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let browser: Browser;
let site: TestSite;
let seq = 0;
const newArticle = () => `ferme-${Date.now().toString(36)}-${++seq}`;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  const admin = { authorization: `Bearer ${server.adminToken}` };
  // the demo page is served by the test server itself, so its origin is the one to allow
  const created = await api(server.url, 'POST', '/api/v1/sites', { headers: admin, body: { name: 'Le Quotidien test', origins: [server.url] } });
  const mod = await api(server.url, 'POST', `/api/v1/sites/${created.body.id}/moderators`, { headers: admin, body: { name: 'Fatou', role: 'moderator' } });
  site = { id: created.body.id, publicKey: created.body.publicKey, ssoSecret: created.body.ssoSecret, moderatorToken: mod.body.token, moderatorId: mod.body.id };
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const setClosed = async (article: string, closed: boolean) => {
  const res = await api(server.url, 'PATCH', `/api/v1/sites/${site.id}/articles/${article}`, { headers: moderatorHeaders(site), body: { closed } });
  expect(res.status).toBe(200);
};

/** The visible notice that replaces the form (the live region may say the same words). */
const closedNotice = (page: Page, text: string) => page.locator('p.pal-closed', { hasText: text });

async function openWidget(article: string, lang: 'fr' | 'en' = 'fr'): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  const qs = new URLSearchParams({ site: site.id, siteKey: site.publicKey, article, lang });
  await page.goto(`${server.url}/demo?${qs}`);
  await page.locator('.pal-root[data-live="ready"]').waitFor();
  return page;
}

async function approvedComment(article: string, body: string): Promise<void> {
  const res = await api(server.url, 'POST', `/api/v1/sites/${site.id}/articles/${article}/comments`, {
    headers: { 'x-site-key': site.publicKey, origin: server.url },
    body: { body, author: { name: 'Awa' } },
  });
  await approveDirectly(server.deps, site.id, res.body.comment.id);
}

describe('widget on a closed article', () => {
  it('shows "Commentaires fermés" instead of the form, keeps the approved thread, and brings the form back live on reopening', async () => {
    const article = newArticle();
    await approvedComment(article, 'Un commentaire publié avant la fermeture.');
    await setClosed(article, true);

    const page = await openWidget(article);
    await closedNotice(page, 'Commentaires fermés').waitFor();
    expect(await page.getByLabel('Votre commentaire').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: /^Répondre/ }).isVisible()).toBe(false);
    await page.getByText('Un commentaire publié avant la fermeture.').waitFor();

    await setClosed(article, false);
    await page.getByLabel('Votre commentaire').waitFor({ state: 'visible' });
    expect(await page.locator('.pal-closed').isVisible()).toBe(false);
    await page.close();
  });

  it('hides the form of an open page live when a moderator closes the article, in English too', async () => {
    const article = newArticle();
    const page = await openWidget(article, 'en');
    await page.getByLabel('Your comment').waitFor({ state: 'visible' });
    await setClosed(article, true);
    await closedNotice(page, 'Comments closed').waitFor();
    expect(await page.getByLabel('Your comment').isVisible()).toBe(false);
    await page.close();
  });

  it('sends the page title with a posted comment, and switches to closed when the post is refused', async () => {
    const article = newArticle();
    const page = await openWidget(article);
    await page.getByLabel('Votre nom').fill('Aïssatou');
    await page.getByLabel('Votre commentaire').fill('Premier !');
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.locator('li.pal-comment.pal-pending').waitFor();
    const stored = await api(server.url, 'GET', `/api/v1/sites/${site.id}/articles/${article}`, { headers: moderatorHeaders(site) });
    expect(stored.body.article.title).toBe(await page.title());

    // closed without an event reaching the page (written straight to Redis): the refusal itself closes the form
    await server.deps.redis.hset(server.deps.keys.article(site.id, article), 'closed', '1');
    await page.getByLabel('Votre commentaire').fill('Deuxième !');
    await page.getByRole('button', { name: 'Publier' }).click();
    await closedNotice(page, 'Commentaires fermés').waitFor();
    expect(await page.getByLabel('Votre commentaire').isVisible()).toBe(false);
    await page.close();
  });
});
