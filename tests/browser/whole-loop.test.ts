import { mkdirSync } from 'node:fs';
import { type Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessWorker } from '../support/in-process-worker.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  worker = await startInProcessWorker(server);
  browser = await launchChromium();
  mkdirSync('test-artifacts', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await server?.close();
});

describe('the whole loop in a browser', () => {
  it('a reader posts in the widget, the console shows it live with its scores, the moderator approves with the keyboard and the reader sees it without a reload', async () => {
    const admin = { authorization: `Bearer ${server.adminToken}` };
    // pre-moderation, so even a clean comment waits for the moderator
    const site = await api(server.url, 'POST', '/api/v1/sites', { headers: admin, body: { name: 'Boucle', origins: [server.url], policy: { mode: 'pre' } } });
    const mod = await api(server.url, 'POST', `/api/v1/sites/${site.body.id}/moderators`, { headers: admin, body: { name: 'Fatou' } });

    const readerPage = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await readerPage.goto(`${server.url}/demo?site=${site.body.id}&siteKey=${site.body.publicKey}&article=boucle`);
    await readerPage.locator('.pal-root[data-live="ready"]').waitFor({ timeout: 15_000 });

    const consolePage = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 1100, height: 800 } })).newPage();
    await consolePage.goto(`${server.url}/moderate#token=${encodeURIComponent(mod.body.token)}`);
    await consolePage.locator('#tab-held').waitFor();

    await readerPage.getByLabel('Votre nom').fill('Mariam');
    await readerPage.getByLabel('Votre commentaire').fill('Les routes du nord attendent depuis trop longtemps, merci pour cette enquête.');
    await readerPage.getByRole('button', { name: 'Publier' }).click();
    await readerPage.locator('li.pal-comment.pal-pending').waitFor();

    // the console shows it live, scored, in the held queue
    const card = consolePage.locator('.card', { hasText: 'Les routes du nord attendent' });
    await card.waitFor({ timeout: 15_000 });
    expect(await card.textContent()).toMatch(/toxicité\s*\d+\s*%/);
    await consolePage.screenshot({ path: 'test-artifacts/loop-console.png', fullPage: true });
    await card.click();
    await consolePage.keyboard.press('a');

    // the reader's page shows it published, without a reload
    await readerPage.locator('li.pal-comment:not(.pal-pending)', { hasText: 'Les routes du nord attendent' }).waitFor({ timeout: 15_000 });
    expect(await readerPage.locator('li.pal-pending').count()).toBe(0);
    await readerPage.locator('#palabre').screenshot({ path: 'test-artifacts/loop-widget.png' });
  }, 60_000);
});
