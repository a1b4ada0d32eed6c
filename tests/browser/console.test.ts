import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessWorker, waitUntil } from '../support/in-process-worker.js';
import { ORIGIN } from '../support/fixtures.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
let browser: Browser;
const contexts: BrowserContext[] = [];
const ARTIFACTS = 'test-artifacts';

interface ConsoleSite {
  id: string;
  publicKey: string;
  moderators: Array<{ id: string; name: string; token: string }>;
}

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  worker = await startInProcessWorker(server);
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterEach(async () => {
  while (contexts.length) await contexts.pop()!.close();
});
afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await server?.close();
});

const admin = () => ({ authorization: `Bearer ${server.adminToken}` });

/** A fresh site whose origins include the console's own, with two moderators. */
async function createSite(policy: Record<string, unknown> = {}): Promise<ConsoleSite> {
  const site = await api(server.url, 'POST', '/api/v1/sites', {
    headers: admin(),
    // toxic comments wait for a human rather than being refused outright
    body: { name: 'Journal console', origins: [ORIGIN, server.url], policy: { thresholds: { toxicity: { hold: 0.5, reject: 1 } }, ...policy } },
  });
  expect(site.status).toBe(201);
  const moderators = [];
  for (const name of ['Fatou', 'Ibrahim']) {
    const m = await api(server.url, 'POST', `/api/v1/sites/${site.body.id}/moderators`, { headers: admin(), body: { name } });
    expect(m.status).toBe(201);
    moderators.push({ id: m.body.id, name, token: m.body.token });
  }
  return { id: site.body.id, publicKey: site.body.publicKey, moderators };
}

async function post(site: ConsoleSite, body: string, articleId = 'politique'): Promise<string> {
  const res = await api(server.url, 'POST', `/api/v1/sites/${site.id}/articles/${articleId}/comments`, {
    headers: { 'x-site-key': site.publicKey, origin: ORIGIN },
    body: { body, author: { name: 'Lecteur' } },
  });
  expect(res.status).toBe(202);
  return res.body.comment.id;
}

const commentOf = (site: ConsoleSite, id: string) =>
  api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${id}`, { headers: { authorization: `Bearer ${site.moderators[0]!.token}` } });

async function openConsole(token: string, locale = 'fr-FR'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1100, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/moderate#token=${encodeURIComponent(token)}`);
  await page.locator('#tab-held').waitFor();
  return page;
}

const card = (page: Page, id: string) => page.locator(`.card[data-comment-id="${id}"]`);
const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/console-${name}.png`, fullPage: true });

describe('the moderator console', () => {
  it('signs in from #token=, removes the token from the address and shows the queues with their counts', async () => {
    const site = await createSite();
    const page = await openConsole(site.moderators[0]!.token);
    expect(page.url()).not.toContain('token');
    expect(page.url()).toBe(`${server.url}/moderate`);
    for (const [queue, label] of [['held', 'Retenus'], ['reported', 'Signalés'], ['pending', 'En attente'], ['approved', 'Approuvés'], ['rejected', 'Rejetés']]) {
      await expect.poll(() => page.locator(`#tab-${queue}`).textContent()).toMatch(new RegExp(`${label}\\s*0`));
    }
    await expect.poll(() => page.locator('.presence .names').textContent()).toBe('Fatou');
    expect(await page.evaluate(() => sessionStorage.getItem('palabre.console.token'))).toBe(site.moderators[0]!.token);
    await shot(page, 'signed-in');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByLabel('Jeton de modérateur').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('palabre.console.token'))).toBeNull();
  });

  it('shows a toxic French comment live in the held queue with its toxicity badge and the insult in a <mark>', async () => {
    const site = await createSite();
    const page = await openConsole(site.moderators[0]!.token);
    const id = await post(site, 'Tu es un vrai connard.');
    await card(page, id).waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('#tab-held .count').textContent()).toBe('1');
    expect(await card(page, id).locator('.badge[data-attribute="toxicity"]').textContent()).toMatch(/toxicité \d+ %/);
    expect(await card(page, id).locator('.body mark').first().textContent()).toMatch(/connard/i);
    expect(await card(page, id).locator('.body').textContent()).toBe('Tu es un vrai connard.');
    // the reasons in French, quoting the reader's own words; the server's English message as the tooltip
    const reasons = card(page, id).locator('.reasons li');
    expect(await reasons.allTextContents()).toContain('Insulte : « connard » toxic_language');
    expect(await reasons.first().getAttribute('title')).toBe('Insult: "connard"');
    expect(await card(page, id).getAttribute('class')).toContain('selected');
    await shot(page, 'held-live');
  });

  it('puts a call to violence first in the held queue, names its category and marks its words', async () => {
    // a site that holds severe harms for a human instead of rejecting them
    const site = await createSite({ thresholds: { toxicity: { hold: 0.5, reject: 1 }, severe: { hold: 0.5, reject: 1 } } });
    const page = await openConsole(site.moderators[0]!.token);
    const rude = await post(site, 'Tu es un vrai connard, ferme ta gueule.');
    await card(page, rude).waitFor({ timeout: 15_000 });
    const call = await post(site, 'Il faut pendre ce ministre sur la place publique.');
    await card(page, call).waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('.card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-comment-id')))).toEqual([call, rude]);
    expect(await card(page, call).locator('.severe[role=note]').textContent()).toBe('Atteinte grave : Appel à la violence');
    expect(await card(page, call).locator('.body mark.severe').textContent()).toBe('Il faut pendre ce ministre');
    expect(await card(page, call).locator('.reasons li').allTextContents()).toContain('Appel à la violence : « Il faut pendre ce ministre » incitement');
    expect(await card(page, rude).locator('.severe[role=note]').count()).toBe(0);
    await shot(page, 'severe-first');
  });

  it('approves with the a key and rejects with r and a chosen reason', async () => {
    const site = await createSite();
    const page = await openConsole(site.moderators[0]!.token);
    const first = await post(site, 'Tu es un vrai connard.');
    await card(page, first).locator('mark').waitFor({ timeout: 15_000 });
    await page.keyboard.press('a');
    const approved = await waitUntil(() => commentOf(site, first), (r) => r.body.comment.status === 'approved');
    expect(approved.body.comment.status).toBe('approved');
    await card(page, first).waitFor({ state: 'detached' });

    const second = await post(site, 'Espèce de connard, ferme-la.');
    await card(page, second).locator('mark').first().waitFor({ timeout: 15_000 });
    await expect.poll(() => card(page, second).getAttribute('class')).toContain('selected');
    await page.keyboard.press('r');
    await page.getByRole('dialog').waitFor();
    await shot(page, 'reject-dialog');
    await page.getByLabel('Hors sujet').check();
    await page.keyboard.press('Enter');
    const rejected = await waitUntil(() => commentOf(site, second), (r) => r.body.comment.status === 'rejected');
    expect(rejected.body.comment.status).toBe('rejected');
    expect(rejected.body.comment.moderatorReason).toEqual({ code: 'off_topic' });
    await expect.poll(() => page.locator('#tab-rejected .count').textContent()).toBe('1');
  });

  it('undoes the last decision with u and bans the author with b', async () => {
    const site = await createSite();
    const page = await openConsole(site.moderators[0]!.token);
    const id = await post(site, 'Tu es un vrai connard.');
    await card(page, id).locator('mark').waitFor({ timeout: 15_000 });
    await page.keyboard.press('a');
    await card(page, id).waitFor({ state: 'detached' });
    await page.keyboard.press('u');
    await page.getByText('Décision annulée.').waitFor();
    expect((await commentOf(site, id)).body.comment.status).toBe('held');
    await expect.poll(() => card(page, id).getAttribute('class')).toContain('selected');

    await page.keyboard.press('b');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Enter'); // the reason is required: the dialog stays open
    await page.getByLabel('Motif du bannissement (obligatoire)').fill('Insultes répétées');
    await page.getByLabel('Durée').selectOption('7');
    await page.getByLabel('Rejeter aussi ses commentaires existants').check();
    await shot(page, 'ban-dialog');
    await page.getByLabel('Motif du bannissement (obligatoire)').press('Enter');
    // the count takes the French singular (plural rules of the i18n library)
    await page.getByText('Auteur banni ; 1 commentaire rejeté.').waitFor();
    const author = (await commentOf(site, id)).body.comment.author.id;
    const profile = await api(server.url, 'GET', `/api/v1/sites/${site.id}/authors/${author}`, { headers: { authorization: `Bearer ${site.moderators[0]!.token}` } });
    expect(profile.body.author).toMatchObject({ banned: true, banReason: 'Insultes répétées' });
    expect(Date.parse(profile.body.author.bannedUntil) - Date.now()).toBeGreaterThan(6 * 24 * 3600_000);
    await card(page, id).waitFor({ state: 'detached' });
  });

  it('says so and refreshes the card when a decision meets a newer version', async () => {
    const site = await createSite();
    const page = await openConsole(site.moderators[0]!.token);
    const id = await post(site, 'Tu es un vrai connard.');
    await card(page, id).locator('mark').waitFor({ timeout: 15_000 });
    // the decision is sent with a version older than the one on the server
    await page.route('**/approve', (route) => route.continue({ postData: JSON.stringify({ version: 1 }) }));
    // the a key acts on the selected card: under load the selection can come after the highlight
    await expect.poll(() => card(page, id).getAttribute('class')).toContain('selected');
    await page.keyboard.press('a');
    await page.getByText('Ce commentaire a changé entre-temps ; la fiche est à jour.').waitFor();
    expect((await commentOf(site, id)).body.comment.status).toBe('held');
    await card(page, id).waitFor();
  });

  it('shows both moderators online and tells the second one when the first approves the comment in view', async () => {
    const site = await createSite();
    const [fatou, ibrahim] = site.moderators;
    const page1 = await openConsole(fatou!.token);
    const page2 = await openConsole(ibrahim!.token);
    for (const page of [page1, page2]) await expect.poll(() => page.locator('.presence .names').textContent()).toBe('Fatou, Ibrahim');
    const id = await post(site, 'Tu es un vrai connard.');
    await card(page2, id).locator('mark').waitFor({ timeout: 15_000 });
    await card(page1, id).locator('mark').waitFor({ timeout: 15_000 });
    await expect.poll(() => card(page2, id).getAttribute('class')).toContain('selected');
    // both selected it; whoever claimed second sees who holds it
    const claimShown = async () => `${await card(page1, id).locator('.claim').allTextContents()}${await card(page2, id).locator('.claim').allTextContents()}`;
    await expect.poll(claimShown).toMatch(/(Fatou|Ibrahim) regarde ce commentaire/);
    await page1.keyboard.press('a');
    await page2.getByText('Fatou a approuvé ce commentaire').waitFor();
    await card(page2, id).waitFor({ state: 'detached' });
    await shot(page2, 'notice');
  });

  it('shows a reported comment in the reported queue with its reports grouped by reason', async () => {
    const site = await createSite();
    const id = await post(site, 'Merci pour cet article clair sur le budget de l’éducation.', 'budget-2027');
    await waitUntil(() => commentOf(site, id), (r) => r.body.comment.status === 'approved');
    for (const [device, reason] of [['device-reporter-1', 'spam'], ['device-reporter-2', 'spam']]) {
      const r = await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${id}/reports`, {
        headers: { 'x-site-key': site.publicKey, origin: ORIGIN, 'x-device-id': device! },
        body: { reason, note: 'Publicité déguisée' },
      });
      expect(r.status).toBeLessThan(300);
    }
    const page = await openConsole(site.moderators[0]!.token);
    await expect.poll(() => page.locator('#tab-reported .count').textContent()).toBe('1');
    await page.getByRole('tab', { name: /Signalés/ }).click();
    const reports = card(page, id).locator('.reports');
    await reports.waitFor();
    expect(await reports.textContent()).toContain('Signalements (2)');
    expect(await reports.textContent()).toContain('Spam × 2');
    expect(await reports.textContent()).toContain('Publicité déguisée');
    await shot(page, 'reported');
  });

  it('renders a script payload as text and never runs it', async () => {
    const site = await createSite({ mode: 'pre' });
    const payload = '<img src=x onerror="window.__xss=1">';
    const id = await post(site, payload, 'budget-2027');
    await waitUntil(() => commentOf(site, id), (r) => r.body.comment.status === 'held');
    const page = await openConsole(site.moderators[0]!.token);
    await card(page, id).waitFor();
    expect(await card(page, id).locator('.body').textContent()).toBe(payload);
    expect(await card(page, id).locator('img').count()).toBe(0);
    expect(await card(page, id).locator('a').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    await shot(page, 'xss-as-text');
  });

  it('signs in with the admin token typed in the password field and a site id', async () => {
    const site = await createSite();
    const context = await browser.newContext({ locale: 'fr-FR' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/moderate`);
    await page.getByLabel('Jeton de modérateur').fill(server.adminToken);
    await page.getByLabel('Identifiant du site').fill(site.id);
    await shot(page, 'sign-in');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.locator('#tab-held .count').textContent()).toBe('0');
    await expect.poll(() => page.locator('.presence .names').textContent()).toBe('Admin');
  });

  it('opens the keyboard help with ? and closes it with Escape', async () => {
    const site = await createSite();
    const page = await openConsole(site.moderators[0]!.token);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Raccourcis' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Approuver');
    await shot(page, 'help');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('switches the interface to English', async () => {
    const site = await createSite();
    const page = await openConsole(site.moderators[0]!.token);
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('tab', { name: /Held/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot(page, 'english');
  });
});
