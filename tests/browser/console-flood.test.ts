import { mkdirSync } from 'node:fs';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSite } from '../../core/sites/site-store.js';
import { endQuietAttacks } from '../../workers/flood/end-attacks.js';
import { launchChromium } from '../support/chromium.js';
import { createTestSite, ORIGIN, postComment, type TestSite } from '../support/fixtures.js';
import { startInProcessWorker, waitUntil } from '../support/in-process-worker.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
let browser: Browser;
let site: TestSite;
let page: Page;
const ARTIFACTS = 'test-artifacts';
const WAVE = [
  'Ce journal ment, partagez la vérité avant qu’ils ne la censurent',
  'PARTAGEZ la vérité avant qu’ils ne la censurent : ce journal ment !!',
  'ce journal ment... partagez la vérité avant qu’ils ne la censurent 🔥',
];

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  worker = await startInProcessWorker(server);
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  site = await createTestSite(server, { flood: { textCampaignAuthors: 3, attackMinComments: 3, attackQuietSeconds: 60 } });
  // the console is served from the server's own origin
  await api(server.url, 'PATCH', `/api/v1/sites/${site.id}`, {
    headers: { authorization: `Bearer ${server.adminToken}` },
    body: { origins: [ORIGIN, server.url] },
  });
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1100, height: 900 } });
  page = await context.newPage();
  await page.goto(`${server.url}/moderate#token=${encodeURIComponent(site.moderatorToken)}`);
  await page.locator('#tab-held').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await server?.close();
});

const heldCards = () => page.locator('.card');

describe('the console during a flood', () => {
  it('shows the attack banner with its figures as soon as the attack starts', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await postComment(server, site, 'election', { body: WAVE[i % 3]!, author: { name: `Compte ${i}` } }, { 'x-device-id': `device-wave-${i}-abcdef` });
      expect(res.status).toBe(202);
    }
    const banner = page.locator('.attack-banner');
    await banner.waitFor({ timeout: 15_000 });
    await expect.poll(() => banner.textContent()).toMatch(/Attaque en cours depuis .*: [3-9] commentaires suspects/);
    expect(await banner.textContent()).toContain('texte répété');
    expect(await page.locator('.banner-slot').getAttribute('role')).toBe('alert');
  });

  it('groups the held copies into one wave with its size and a sample shown as text', async () => {
    const wave = page.locator('.wave');
    await expect.poll(async () => (await wave.count()) === 1 && (await wave.locator('.wave-size').textContent()), { timeout: 15_000 }).toBe(
      '4 commentaires de 4 auteurs',
    );
    expect(WAVE).toContain(await wave.locator('.wave-sample').textContent());
    await page.screenshot({ path: `${ARTIFACTS}/console-flood-wave.png`, fullPage: true });
  });

  it('rejects the whole wave in one click, and brings it back with undo', async () => {
    await expect.poll(() => heldCards().count()).toBe(4);
    await page.locator('.reject-wave').click();
    await expect.poll(() => page.locator('.wave-undo').textContent()).toContain('4 commentaires rejetés.');
    await expect.poll(() => heldCards().count()).toBe(0);
    const rejected = await api(server.url, 'GET', `/api/v1/sites/${site.id}/moderation/queue?status=rejected`, {
      headers: { authorization: `Bearer ${site.moderatorToken}` },
    });
    expect(rejected.body.comments).toHaveLength(4);

    await page.locator('.undo-wave').click();
    await expect.poll(() => heldCards().count()).toBe(4);
    await expect.poll(() => page.locator('.notice').textContent()).toContain('4 commentaires remis en attente de décision.');
    await expect.poll(() => page.locator('.wave').count()).toBe(1);
  });

  it('shows the running attack after a reload, and takes the banner down when it ends', async () => {
    await page.reload();
    await page.locator('.attack-banner').waitFor();
    const deps = { ...server.deps, siteOf: (id: string) => getSite(server.deps, id), now: () => Date.now() + 61_000 };
    expect(await endQuietAttacks(deps, [site.id])).toBe(1);
    await waitUntil(async () => page.locator('.attack-banner').count(), (n) => n === 0);
    expect(await page.locator('.attack-banner').count()).toBe(0);
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(/Fin de l’attaque : \d+ commentaires suspects en tout\./);
  });
});
