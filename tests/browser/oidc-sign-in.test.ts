import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { createTestSite, postComment, type TestSite } from '../support/fixtures.js';
import { waitUntil } from '../support/in-process-worker.js';
import { startTestIdp, type TestIdp } from '../support/oidc-provider.js';
import { startStack, type PalabreStack } from '../support/palabre-stack.js';
import { freePort } from '../support/private-redis.js';
import { connect, connected, type RecordingSocket } from '../support/sockets.js';
import { api } from '../support/test-server.js';

const ARTIFACTS = 'test-artifacts';
/** Short, so the console's own refresh happens during the test (at four fifths: 12 s). */
const SESSION_TTL_SECONDS = 15;

let idp: TestIdp;
let stack: PalabreStack;
let browser: Browser;
let newsroom: TestSite;
let sport: TestSite;
const contexts: BrowserContext[] = [];
const sockets: RecordingSocket[] = [];

const admin = () => ({ authorization: `Bearer ${stack.adminToken}` });

beforeAll(async () => {
  const port = await freePort();
  // the provider on "localhost", Palabre on 127.0.0.1: two sites, as a newsroom's IdP and Palabre are
  idp = await startTestIdp({ redirectUri: `http://127.0.0.1:${port}/auth/oidc/callback` });
  idp.users.set('awa', { name: 'Awa Diallo', email: 'awa@redaction.example', groups: ['journalistes'] });
  idp.users.set('moussa', { name: 'Moussa Traoré', email: 'moussa@redaction.example', emailVerified: false });
  idp.users.set('chef', { name: 'Chef d’édition', email: 'chef@externe.example', groups: ['chefs-edition'] });
  stack = await startStack({
    port,
    env: {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_REDIRECT_URI: `http://127.0.0.1:${port}/auth/oidc/callback`,
      OIDC_SCOPES: 'openid email profile groups',
      SESSION_TTL_SECONDS: String(SESSION_TTL_SECONDS),
    },
  });
  newsroom = await createTestSite(stack);
  sport = await createTestSite(stack);
  const rules = async (site: TestSite, staffSignIn: unknown) =>
    expect((await api(stack.url, 'PATCH', `/api/v1/sites/${site.id}`, { headers: admin(), body: { name: site === newsroom ? 'Le Quotidien' : 'Sport Hebdo', staffSignIn } })).status).toBe(200);
  await rules(newsroom, { rules: [{ emailDomain: 'redaction.example', role: 'moderator' }, { group: 'chefs-edition', role: 'admin' }] });
  await rules(sport, { rules: [{ group: 'chefs-edition', role: 'admin' }] });
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
}, 120_000);
afterEach(async () => {
  while (contexts.length) await contexts.pop()!.close();
  while (sockets.length) sockets.pop()!.close();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await idp?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1100, height: 800 } });
  contexts.push(context);
  return context.newPage();
}

/** From the console's button through the provider's own login and consent pages, back to Palabre. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.goto(`${stack.url}/moderate`);
  await page.getByRole('link', { name: 'Se connecter avec le compte de la rédaction' }).click();
  await page.waitForURL((url) => url.href.startsWith(idp.issuer));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('mot-de-passe');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]', { hasText: 'Continue' }).click(); // the consent page
  await page.waitForURL((url) => url.href.startsWith(stack.url));
}

/** The console's own fetch of a fresh access token, as its timer does it. */
const refreshFromPage = (page: Page, siteId?: string) =>
  page.evaluate(async (site) => {
    const res = await fetch('/api/v1/auth/session/refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(site ? { siteId: site } : {}) });
    return { status: res.status, body: (await res.json().catch(() => null)) as { accessToken?: string; moderator?: { id: string }; error?: { code: string } } | null };
  }, siteId);

/** A console signed in as `login`, and a second socket on the same sign-in, watching from Node. */
async function consoleAndWatcher(login: string) {
  const page = await newPage();
  await signInAtProvider(page, login);
  await page.locator('#tab-held').waitFor({ timeout: 15_000 });
  const { body } = await refreshFromPage(page);
  const watcher = connect(stack.url, '/moderation', { token: body!.accessToken });
  sockets.push(watcher);
  await connected(watcher);
  return { page, body: body!, watcher };
}

describe('moderator sign-in with the newsroom’s OpenID provider, in Chromium', () => {
  it('signs a newsroom journalist in through the provider and moderates live with short-lived, refreshed tokens', async () => {
    const page = await newPage();
    const refreshes: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/api/v1/auth/session/refresh')) refreshes.push(r.status());
    });
    await signInAtProvider(page, 'awa');
    await page.locator('#tab-held').waitFor({ timeout: 15_000 });
    expect(page.url()).toBe(`${stack.url}/moderate`);
    await expect.poll(() => page.locator('.presence .names').textContent(), { timeout: 10_000 }).toBe('Awa Diallo');
    // the token lives in memory only; the refresh secret in an HttpOnly cookie the page cannot read
    expect(await page.evaluate(() => sessionStorage.getItem('palabre.console.token'))).toBeNull();
    expect(await page.evaluate(() => document.cookie)).not.toContain('palabre_staff');
    await page.screenshot({ path: `${ARTIFACTS}/oidc-signed-in.png`, fullPage: true });

    // before the sign-in, the page found no session (401); since, the console refreshes its token
    // before it expires, every time successfully, and keeps moderating live with the new one
    expect(refreshes[0]).toBe(401);
    await expect.poll(() => refreshes.length, { timeout: SESSION_TTL_SECONDS * 1000 }).toBeGreaterThanOrEqual(3);
    expect(refreshes.slice(1), 'every refresh after the sign-in answered').toEqual(refreshes.slice(1).map(() => 200));
    const held = await postComment(stack, newsroom, 'oidc', { body: 'Tu es un vrai connard.', author: { name: 'Lecteur' } });
    const card = page.locator(`.card[data-comment-id="${held.body.comment.id}"]`);
    await card.locator('mark').waitFor({ timeout: 20_000 });
    await page.keyboard.press('a');
    const decided = await waitUntil(
      () => api(stack.url, 'GET', `/api/v1/sites/${newsroom.id}/comments/${held.body.comment.id}`, { headers: admin() }),
      (r) => r.body.comment.status === 'approved',
    );
    expect(decided.body.comment.status).toBe('approved');
    const audit = await api(stack.url, 'GET', `/api/v1/sites/${newsroom.id}/audit`, { headers: admin() });
    expect(JSON.stringify(audit.body.entries[0])).toContain('Awa Diallo');
  }, 90_000);

  it('closes the open sockets of a moderator a site admin revokes, and signs the console out', async () => {
    const { page, body, watcher } = await consoleAndWatcher('awa');
    expect(await watcher.request('subscribe', { siteId: newsroom.id })).toEqual({ ok: true });
    const listed = await api(stack.url, 'GET', `/api/v1/sites/${newsroom.id}/moderators`, { headers: admin() });
    expect(listed.body.moderators.find((m: { id: string }) => m.id === body.moderator!.id)).toMatchObject({ source: 'oidc', name: 'Awa Diallo', email: 'awa@redaction.example' });

    expect((await api(stack.url, 'DELETE', `/api/v1/sites/${newsroom.id}/moderators/${body.moderator!.id}`, { headers: admin() })).status).toBe(204);
    await waitUntil(async () => watcher.socket.connected, (up) => !up, 10_000);
    expect(watcher.socket.connected).toBe(false);
    await page.getByRole('link', { name: 'Se connecter avec le compte de la rédaction' }).waitFor({ timeout: 10_000 });
    expect((await refreshFromPage(page)).status).not.toBe(200);
  }, 60_000);

  it('signs out: the session cookie stops working and the server closes the sign-in’s sockets', async () => {
    const { page, body, watcher } = await consoleAndWatcher('awa');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('link', { name: 'Se connecter avec le compte de la rédaction' }).waitFor();
    await waitUntil(async () => watcher.socket.connected, (up) => !up, 10_000);
    expect(watcher.socket.connected).toBe(false);
    const after = await refreshFromPage(page);
    expect(after).toMatchObject({ status: 401, body: { error: { code: 'session_expired' } } });
    const queue = await api(stack.url, 'GET', `/api/v1/sites/${newsroom.id}/moderation/queue`, { headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(queue.status).toBe(401);
  }, 60_000);

  it('asks a desk chief with two sites which one to moderate, as a site admin', async () => {
    const page = await newPage();
    await signInAtProvider(page, 'chef');
    await page.getByRole('heading', { name: 'Quel site modérer ?' }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${ARTIFACTS}/oidc-choose-site.png`, fullPage: true });
    await page.getByRole('button', { name: 'Sport Hebdo' }).click();
    await page.locator('#tab-held').waitFor({ timeout: 15_000 });
    const { body } = await refreshFromPage(page, sport.id);
    expect(body).toMatchObject({ siteId: sport.id, moderator: { role: 'admin' }, sites: [{ name: 'Le Quotidien', role: 'admin' }, { name: 'Sport Hebdo', role: 'admin' }] });
    // a site admin's access token may change the site
    const patched = await api(stack.url, 'PATCH', `/api/v1/sites/${sport.id}`, { headers: { authorization: `Bearer ${body!.accessToken}` }, body: { name: 'Sport Hebdo' } });
    expect(patched.status).toBe(200);
  }, 60_000);

  it('refuses a user no rule matches (an unverified e-mail does not count) with a clear message', async () => {
    const page = await newPage();
    await signInAtProvider(page, 'moussa');
    await page.getByText('Votre compte de la rédaction ne donne accès à aucun site.').waitFor({ timeout: 15_000 });
    expect(page.url()).toBe(`${stack.url}/moderate`);
    expect((await refreshFromPage(page)).status).toBe(401);
  }, 60_000);

  it('ends the sign-in at the next refresh once the provider disables the user', async () => {
    const page = await newPage();
    await signInAtProvider(page, 'awa');
    await page.locator('#tab-held').waitFor({ timeout: 15_000 });
    expect((await refreshFromPage(page)).status).toBe(200);
    idp.users.get('awa')!.disabled = true;
    try {
      expect(await refreshFromPage(page)).toMatchObject({ status: 401, body: { error: { code: 'session_expired' } } });
    } finally {
      idp.users.get('awa')!.disabled = false;
    }
  }, 60_000);
});
