import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appendSiteEvent } from '../../core/events/append-event.js';
import { launchChromium } from '../support/chromium.js';
import { createTestSite, postComment, type TestSite } from '../support/fixtures.js';
import { startInProcessWorker } from '../support/in-process-worker.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
let browser: Browser;
let site: TestSite;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  worker = await startInProcessWorker(server);
  browser = await launchChromium();
  site = await createTestSite(server, { mode: 'pre' }); // every clean comment lands in the held queue
});
afterEach(async () => {
  while (contexts.length) await contexts.pop()!.close();
});
afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await server?.close();
});

async function openConsole(): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/moderate#token=${encodeURIComponent(site.moderatorToken)}`);
  await page.locator('#tab-held').waitFor();
  return page;
}

const articleLink = (page: Page, commentId: string) => page.locator(`.card[data-comment-id="${commentId}"] .article a`);

describe('articles in the moderator console', () => {
  it('shows the article title linking to its url, for queued comments and for comments arriving live', async () => {
    const before = await postComment(server, site, 'budget-2027', {
      body: 'Les routes du nord, enfin.',
      author: { name: 'Awa' },
      article: { title: 'Budget 2027 : les routes du nord', url: 'https://www.journal-test.example/budget-2027' },
    });
    const page = await openConsole();
    const queued = articleLink(page, before.body.comment.id);
    await queued.waitFor({ timeout: 15_000 });
    expect(await queued.textContent()).toBe('Budget 2027 : les routes du nord');
    expect(await queued.getAttribute('href')).toBe('https://www.journal-test.example/budget-2027');

    const live = await postComment(server, site, 'legislatives', {
      body: 'Participation record.',
      author: { name: 'Koffi' },
      article: { title: 'Législatives : la participation', url: 'https://www.journal-test.example/legislatives' },
    });
    const arrived = articleLink(page, live.body.comment.id);
    await arrived.waitFor({ timeout: 15_000 });
    expect(await arrived.textContent()).toBe('Législatives : la participation');
  });

  it('tells the moderator when an article surges', async () => {
    const page = await openConsole();
    // presence comes with the live subscription: once shown, events reach the page
    await expect.poll(() => page.locator('.presence .names').textContent()).toBe('Fatou');
    await appendSiteEvent(server.deps, {
      type: 'surge.started',
      siteId: site.id,
      article: { id: 'incendie', title: 'Incendie au grand marché' },
      figures: { windowCount: 40, windowSeconds: 300, rate: 8, baselineCount: 30, baselineSeconds: 3600, baseline: 0.5, heldShare: 0, trigger: 'rate' },
      startedAt: new Date().toISOString(),
      until: new Date(Date.now() + 1_800_000).toISOString(),
    });
    await page.getByText(/Afflux de commentaires sur « Incendie au grand marché »/).waitFor();
  });
});
