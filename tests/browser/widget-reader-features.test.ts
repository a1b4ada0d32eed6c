import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommentsClient, createModeratorClient } from '../../client-sdk/src/index.js';
import { launchChromium } from '../support/chromium.js';
import { readerSsoToken } from '../support/sso-token.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { commentItem, focused, openWidget, rootOrder, tabTo } from '../support/widget-page.js';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');

let server: TestServer;
let browser: Browser;
let site: { id: string; publicKey: string; ssoSecret: string; moderatorToken: string };
let articleSeq = 0;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  const admin = createModeratorClient({ url: server.url, token: server.adminToken });
  // the demo page is served by the test server itself, so its origin is the one to allow
  const created = await admin.api.createSite({ body: { name: 'Le Quotidien test', origins: [server.url] } });
  const mod = await admin.api.createModerator({ path: { siteId: created.id }, body: { name: 'Fatou' } });
  site = { id: created.id, publicKey: created.publicKey, ssoSecret: created.ssoSecret, moderatorToken: mod.token };
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const newArticle = () => `features-${Date.now().toString(36)}-${++articleSeq}`;
const moderator = () => createModeratorClient({ url: server.url, token: site.moderatorToken });
const reader = (deviceId: string, ssoToken?: string) =>
  createCommentsClient({ url: server.url, siteId: site.id, siteKey: site.publicKey, deviceId, ...(ssoToken ? { ssoToken } : {}) });
const open = (article: string, lang: 'fr' | 'en' = 'fr', page?: Page) => openWidget(browser, server.url, site, article, lang, page);

/** Posts as a reader (from a device of its own) and approves; returns the comment id. */
async function published(article: string, name: string, body: string, opts: { parentId?: string; ssoToken?: string } = {}): Promise<string> {
  const c = await reader(`author-${name.replace(/\W/g, '')}-device`, opts.ssoToken).post(article, {
    body,
    author: { name },
    ...(opts.parentId ? { parentId: opts.parentId } : {}),
  });
  await moderator().approve(site.id, c.id);
  return c.id;
}

describe('the widget for readers', () => {
  it('sorts the thread by newest, oldest, most replies and most liked from a menu, and remembers the choice', async () => {
    const article = newArticle();
    const a = await published(article, 'Awa', 'A: le plus ancien');
    const b = await published(article, 'Binta', 'B: le plus aimé');
    const c = await published(article, 'Cheikh', 'C: le plus discuté');
    await published(article, 'Dia', 'Réponse 1', { parentId: c });
    await published(article, 'Dia', 'Réponse 2', { parentId: c });
    for (const who of ['liker-device-0001', 'liker-device-0002']) await reader(who).react(b);

    const page = await open(article);
    expect(await rootOrder(page)).toEqual([a, b, c]);
    await page.locator('body').focus();
    expect(await tabTo(page, (d) => d.startsWith('select|'))).toBe('select|Trier par');
    await page.keyboard.press('ArrowDown'); // oldest → newest
    await expect.poll(() => rootOrder(page)).toEqual([c, b, a]);
    await page.getByLabel('Trier par').selectOption({ label: 'Les plus discutés' });
    await expect.poll(() => rootOrder(page)).toEqual([c, b, a]); // two replies, then none: newest first
    await page.getByLabel('Trier par').selectOption({ label: 'Les plus appréciés' });
    await expect.poll(() => rootOrder(page)).toEqual([b, c, a]);
    await page.locator('#palabre').screenshot({ path: join(ARTIFACTS, 'widget-sorted-fr.png') });

    // the choice is kept for the site on this browser, in every language
    await open(article, 'en', page);
    await expect.poll(() => rootOrder(page)).toEqual([b, c, a]);
    expect(await page.getByLabel('Sort by').inputValue()).toBe('reactions');
    expect(await page.getByLabel('Sort by').locator('option').allTextContents()).toEqual(['Oldest', 'Newest', 'Most replies', 'Most liked']);
    await page.close();
  });

  it('likes a comment once per reader with the keyboard, and counts other readers’ likes live', async () => {
    const article = newArticle();
    const id = await published(article, 'Awa', 'Un avis à apprécier.');
    const page = await open(article);
    const like = commentItem(page, id).getByRole('button', { name: /^J’apprécie — Awa/ });
    expect(await like.getAttribute('aria-pressed')).toBe('false');
    await page.locator('body').focus();
    await tabTo(page, (d) => d.startsWith('button|J’apprécie'));
    await page.keyboard.press('Enter');
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true');
    expect(await like.getAttribute('aria-label')).toBe('J’apprécie — Awa (1 personne apprécie)');
    expect(await focused(page)).toBe('button|J’apprécie1');

    await reader('another-reader-01').react(id); // someone else, elsewhere
    await expect.poll(() => like.locator('.pal-like-count').textContent()).toBe('2');
    await page.keyboard.press(' '); // takes back this reader's like only
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => like.locator('.pal-like-count').textContent()).toBe('1');

    // after a reload the reader still sees what they like
    await like.click();
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true');
    await open(article, 'en', page);
    const liked = commentItem(page, id).getByRole('button', { name: /^Like — Awa/ });
    expect(await liked.getAttribute('aria-pressed')).toBe('true');
    expect(await liked.getAttribute('aria-label')).toBe('Like — Awa (2 likes)');
    await page.close();
  });

  it('tells the reader when a like was not saved', async () => {
    const article = newArticle();
    const id = await published(article, 'Awa', 'Trop de clics.');
    const page = await open(article);
    await page.route(`**/comments/${id}/reaction`, (route) =>
      route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '20' },
        body: JSON.stringify({ error: { code: 'rate_limited', message: 'Too many writes; try again later.' } }),
      }),
    );
    await commentItem(page, id).getByRole('button', { name: /^J’apprécie/ }).click();
    await expect
      .poll(() => page.locator('.pal-root > [role="alert"]').textContent())
      .toBe('Votre « J’apprécie » n’a pas été enregistré. Trop de commentaires, réessayez dans 20 s.');
    expect(await commentItem(page, id).getByRole('button', { name: /^J’apprécie/ }).getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });

  it("marks the newsroom's picks live, shows them first, and shows the staff badge, in French and English", async () => {
    const article = newArticle();
    const staffToken = await readerSsoToken(site, { sub: 'redac-7', name: 'Mariam Koné', staff: true });
    const first = await published(article, 'Awa', 'Premier commentaire.');
    const staff = await published(article, 'x', 'La rédaction précise : le chantier démarre en mars.', { ssoToken: staffToken });
    const later = await published(article, 'Koffi', 'Un avis remarquable.');
    const page = await open(article);
    expect(await commentItem(page, staff).locator('.pal-staff').textContent()).toBe('Rédaction');
    expect(await commentItem(page, first).locator('.pal-staff').count()).toBe(0);
    expect(await commentItem(page, later).getByText('Coup de cœur de la rédaction').isVisible()).toBe(false);

    await moderator().feature(site.id, later, true);
    await commentItem(page, later).getByText('Coup de cœur de la rédaction').waitFor(); // live, in place
    expect(await rootOrder(page)).toEqual([first, staff, later]);
    await open(article, 'fr', page);
    expect(await rootOrder(page)).toEqual([later, first, staff]); // picks first
    await page.locator('#palabre').screenshot({ path: join(ARTIFACTS, 'widget-picks-fr.png') });

    await open(article, 'en', page);
    expect(await commentItem(page, later).locator('.pal-featured').textContent()).toBe('Editors’ pick');
    expect(await commentItem(page, staff).locator('.pal-staff').textContent()).toBe('Staff');
    await moderator().feature(site.id, later, false);
    await expect.poll(() => commentItem(page, later).locator('.pal-featured').isVisible()).toBe(false);
    // everything lives in the widget's shadow root: the page's own DOM has none of it
    expect(await page.evaluate(() => [document.querySelectorAll('.pal-like, .pal-sort, .pal-staff').length, document.querySelector('#palabre')!.shadowRoot!.querySelectorAll('.pal-like, .pal-sort, .pal-staff').length])).toEqual([0, 5]);
    await page.close();
  });

  it('pages a long thread sorted newest first with "load more", and puts a new comment on top live', async () => {
    const article = newArticle();
    const ids: string[] = [];
    for (let i = 1; i <= 33; i++) ids.push(await published(article, `Lecteur ${i}`, `Commentaire ${i}`));
    const page = await browser.newPage();
    await page.addInitScript((key) => localStorage.setItem(key, 'newest'), `palabre.sort.${site.id}`);
    await open(article, 'fr', page);
    expect(await rootOrder(page)).toEqual([...ids].reverse().slice(0, 30));
    await page.getByRole('button', { name: 'Afficher plus de commentaires' }).click();
    await expect.poll(() => rootOrder(page)).toEqual([...ids].reverse());
    expect(await page.getByRole('button', { name: 'Afficher plus de commentaires' }).isVisible()).toBe(false);
    const fresh = await published(article, 'Nouveau', 'Tout frais');
    await expect.poll(async () => (await rootOrder(page))[0]).toBe(fresh);
    await page.close();
  });
});

