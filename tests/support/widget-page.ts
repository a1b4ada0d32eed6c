import type { Browser, Page } from 'playwright-core';

/**
 * The demo article page with the comment widget (`/demo?site&siteKey&article&lang`), once
 * its first page is shown and live updates are on.
 */
export async function openWidget(
  browser: Browser,
  serverUrl: string,
  site: { id: string; publicKey: string },
  article: string,
  lang: 'fr' | 'en' = 'fr',
  page?: Page,
): Promise<Page> {
  const tab = page ?? (await browser.newPage({ viewport: { width: 900, height: 1200 } }));
  tab.setDefaultTimeout(10_000);
  tab.on('pageerror', (err) => console.error('page error:', err.message));
  const qs = new URLSearchParams({ site: site.id, siteKey: site.publicKey, article, lang });
  await tab.goto(`${serverUrl}/demo?${qs}`);
  await tab.locator('.pal-root[data-live="ready"]').waitFor({ timeout: 10_000 });
  return tab;
}

/** The list item of one comment, wherever it is nested. */
export const commentItem = (page: Page, id: string) => page.locator(`li.pal-comment[data-comment-id="${id}"]`);

/** Ids of the top-level comments, in the order shown. */
export const rootOrder = (page: Page) =>
  page.locator('.pal-list > li.pal-comment').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.commentId));

/** Describes the element focused inside the widget's shadow root: `tag|label or text`. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector('#palabre')?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    if (!active) return '';
    const label = active.id ? active.getRootNode() instanceof ShadowRoot && (active.getRootNode() as ShadowRoot).querySelector(`label[for="${active.id}"]`)?.textContent : '';
    return `${active.tagName.toLowerCase()}|${label || active.textContent || (active as HTMLInputElement).value || ''}`;
  });

/** Presses Tab until the focused element inside the widget matches, like a keyboard-only reader. */
export async function tabTo(page: Page, matches: (desc: string) => boolean, maxPresses = 40): Promise<string> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const desc = await focused(page);
    if (matches(desc)) return desc;
  }
  throw new Error(`never reached the element by Tab; last focus: ${await focused(page)}`);
}
