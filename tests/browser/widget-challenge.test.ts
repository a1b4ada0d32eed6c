import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let browser: Browser;
let site: { id: string; publicKey: string; moderatorToken: string };

beforeAll(async () => {
  // the write gate is on, and this site asks every write for a proof of work at its default difficulty
  server = await startTestServer();
  const admin = { authorization: `Bearer ${server.adminToken}` };
  const created = await api(server.url, 'POST', '/api/v1/sites', {
    headers: admin,
    body: { name: 'Le Quotidien sous attaque', origins: [server.url], policy: { challenge: 'always' } },
  });
  const mod = await api(server.url, 'POST', `/api/v1/sites/${created.body.id}/moderators`, { headers: admin, body: { name: 'Fatou' } });
  site = { id: created.body.id, publicKey: created.body.publicKey, moderatorToken: mod.body.token };
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the widget under a proof-of-work challenge', () => {
  it('solves it by itself in the browser, with no puzzle, and sends the time the form was open', async () => {
    const page = await browser.newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
    const qs = new URLSearchParams({ site: site.id, siteKey: site.publicKey, article: 'sous-attaque', lang: 'fr' });
    await page.goto(`${server.url}/demo?${qs}`);
    await page.locator('.pal-root[data-live="ready"]').waitFor();
    const answers: number[] = [];
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && r.url().includes('/comments')) answers.push(r.status());
    });
    await page.getByLabel('Votre nom').fill('Mariam');
    await page.getByLabel('Votre commentaire').pressSequentially('Merci pour ce reportage.', { delay: 60 });
    const started = Date.now();
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.locator('li.pal-comment.pal-pending').waitFor({ timeout: 30_000 });
    const tookMs = Date.now() - started;
    console.log(`[widget] posted through a proof of work (PBKDF2 1000 × up to 1000) in ${tookMs} ms in Chromium`);
    expect(answers).toEqual([403, 202]); // asked, solved, accepted: the reader only saw "Envoi…"
    const id = await page.locator('li.pal-comment.pal-pending').getAttribute('data-comment-id');
    const stored = await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${id}`, {
      headers: { authorization: `Bearer ${site.moderatorToken}` },
    });
    expect(stored.body.comment.arrival).toMatchObject({ solvedChallenge: true, newReader: true });
    expect(stored.body.comment.arrival.composeMs).toBeGreaterThan(1000);
    await page.close();
  });
});
