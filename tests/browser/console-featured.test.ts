import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommentsClient, createModeratorClient } from '../../client-sdk/src/index.js';
import { launchChromium } from '../support/chromium.js';
import { createTestSite, type TestSite } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let browser: Browser;
let site: TestSite;
beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  browser = await launchChromium();
  site = await createTestSite(server);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the newsroom's picks in the moderator console", () => {
  it('picks a published comment from its card and takes it back, in French and English', async () => {
    const reader = createCommentsClient({ url: server.url, siteId: site.id, siteKey: site.publicKey, deviceId: 'console-pick-device' });
    const mod = createModeratorClient({ url: server.url, token: site.moderatorToken });
    const posted = await reader.post('picks-console', { body: 'Un avis qui mérite d’être mis en avant.', author: { name: 'Awa' } });
    await mod.approve(site.id, posted.id);

    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}/moderate#token=${encodeURIComponent(site.moderatorToken)}`);
    await page.locator('#queue-panel[aria-busy="false"]').waitFor(); // the held queue's first load is over
    await page.locator('#tab-approved').click();
    const card = page.locator(`.card[data-comment-id="${posted.id}"]`);
    const pick = card.getByRole('button', { name: 'Coup de cœur de la rédaction' });
    expect(await pick.getAttribute('aria-pressed')).toBe('false');
    // the console redraws its cards on live events: focus and press in one step, on the button as it is now
    await pick.press('Enter');
    await expect.poll(() => pick.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    await card.getByText('★ Coup de cœur').waitFor();
    expect((await mod.comment(site.id, posted.id)).featuredAt).toEqual(expect.any(String));

    await page.locator('#palabre-lang').selectOption('en');
    const unpick = card.getByRole('button', { name: 'Editors’ pick' });
    await unpick.click();
    await expect.poll(() => unpick.getAttribute('aria-pressed')).toBe('false');
    expect((await mod.comment(site.id, posted.id)).featuredAt).toBeUndefined();
    // a held comment cannot be picked: no button on its card
    const held = await reader.post('picks-console', { body: 'Pas encore publié.', author: { name: 'Koffi' } });
    await page.locator('#tab-pending').click();
    await page.locator(`.card[data-comment-id="${held.id}"]`).waitFor();
    expect(await page.locator(`.card[data-comment-id="${held.id}"] button.feature`).count()).toBe(0);
    await context.close();
  });
});
