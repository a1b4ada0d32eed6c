import { type Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDirectly } from '../support/approve-directly.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('cross-site scripting through comments', () => {
  it(`renders ${XSS_PAYLOADS.length} known payloads as text in the widget, and none runs`, async () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(100);
    const admin = { authorization: `Bearer ${server.adminToken}` };
    const site = await api(server.url, 'POST', '/api/v1/sites', { headers: admin, body: { name: 'XSS', origins: [server.url] } });
    const PER_ARTICLE = 25;
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      const res = await api(server.url, 'POST', `/api/v1/sites/${site.body.id}/articles/xss-${Math.floor(i / PER_ARTICLE)}/comments`, {
        headers: { 'x-site-key': site.body.publicKey, 'x-device-id': `device-xss-${String(i).padStart(4, '0')}` },
        body: { body: payload, author: { name: payload.slice(0, 80) } },
      });
      expect(res.status, payload).toBe(202);
      await approveDirectly(server.deps, site.body.id, res.body.comment.id);
    }
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (let a = 0; a * PER_ARTICLE < XSS_PAYLOADS.length; a++) {
      const expected = XSS_PAYLOADS.slice(a * PER_ARTICLE, (a + 1) * PER_ARTICLE);
      await page.goto(`${server.url}/demo?site=${site.body.id}&siteKey=${site.body.publicKey}&article=xss-${a}`);
      await page.locator('.pal-root[data-live="ready"]').waitFor({ timeout: 15_000 });
      const shown = await page.locator('li.pal-comment .pal-body').allTextContents();
      expect(shown.sort()).toEqual([...expected].map((p) => p.normalize('NFC').trim()).sort());
      // hover and focus everything, as a reader would, to give handlers every chance
      await page.mouse.move(200, 200);
      await page.keyboard.press('Tab');
      const created = await page.evaluate(() => {
        const root = document.querySelector('#palabre')?.shadowRoot;
        return root
          ? root.querySelectorAll('img, script, svg, iframe, object, embed, video, audio, math, a, body, meta, base, template, marquee, details, form[action], [formaction], [onerror], [onload], [onclick], [onfocus], [onmouseover], [style*="expression"]').length
          : -1;
      });
      expect(created).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    }
    expect(dialogs).toEqual([]);
  }, 120_000);
});
