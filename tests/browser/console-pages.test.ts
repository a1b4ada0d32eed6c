import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decideStatus } from '../../core/decision/decide-status.js';
import { mergePolicy } from '../../core/sites/site-store.js';
import { policySchema } from '../../core/sites/policy.js';
import { sampleHeldQueues } from '../../workers/stats/sample-held-queue.js';
import { launchChromium } from '../support/chromium.js';
import { ORIGIN, wordOf } from '../support/fixtures.js';
import { startInProcessWorker, waitUntil } from '../support/in-process-worker.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

const ARTIFACTS = 'test-artifacts';
let server: TestServer;
let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
let browser: Browser;
const contexts: BrowserContext[] = [];

interface Site {
  id: string;
  publicKey: string;
  /** A moderator (Fatou), a second one (Ibrahim) and a site admin (Chef). */
  tokens: { fatou: string; ibrahim: string; chef: string };
  ids: { fatou: string };
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
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function createSite(policy: Record<string, unknown> = {}): Promise<Site> {
  const site = await api(server.url, 'POST', '/api/v1/sites', {
    headers: admin(),
    body: { name: 'Journal console', origins: [ORIGIN, server.url], policy: { thresholds: { toxicity: { hold: 0.5, reject: 1 } }, ...policy } },
  });
  const make = async (name: string, scope: string) =>
    (await api(server.url, 'POST', `/api/v1/sites/${site.body.id}/moderators`, { headers: admin(), body: { name, scope } })).body;
  const [fatou, ibrahim, chef] = [await make('Fatou', 'moderate'), await make('Ibrahim', 'moderate'), await make('Chef', 'admin')];
  return { id: site.body.id, publicKey: site.body.publicKey, tokens: { fatou: fatou.token, ibrahim: ibrahim.token, chef: chef.token }, ids: { fatou: fatou.id } };
}

async function post(site: Site, body: string, articleId = 'politique', article: Record<string, string> = {}, n = Math.floor(Math.random() * 1e9)): Promise<string> {
  const res = await api(server.url, 'POST', `/api/v1/sites/${site.id}/articles/${articleId}/comments`, {
    headers: { 'x-site-key': site.publicKey, origin: ORIGIN, 'x-device-id': `device-pages-${n}-abcdef` },
    body: { body, author: { name: `Lecteur ${n % 100}` }, ...(Object.keys(article).length ? { article } : {}) },
  });
  expect(res.status).toBe(202);
  return res.body.comment.id;
}

const get = (site: Site, path: string, token = site.tokens.fatou) => api(server.url, 'GET', `/api/v1/sites/${site.id}${path}`, { headers: bearer(token) });
const settle = (site: Site, held: number) => waitUntil(() => get(site, '/moderation/queue?status=held'), (r) => r.body.counts.held === held && r.body.counts.pending === 0, 20_000);

async function open(token: string, path = '/moderate', opts: { width?: number; locale?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ locale: opts.locale ?? 'fr-FR', viewport: { width: opts.width ?? 1100, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}${path}#token=${encodeURIComponent(token)}`);
  await page.locator('nav.pages').waitFor();
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/console-${name}.png`, fullPage: true });
const card = (page: Page, id: string) => page.locator(`.card[data-comment-id="${id}"]`);

describe('the console pages', () => {
  it('shows statistics whose figures match the API, with a chart and its table, and exports them as CSV', async () => {
    const site = await createSite();
    const ids = [await post(site, 'Tu es un vrai connard.', 'budget', { title: 'Budget 2027', section: 'Politique' }), await post(site, 'Espèce de connard.', 'budget'), await post(site, 'Merci pour ce reportage.', 'can', { title: 'CAN', section: 'Sport' })];
    await settle(site, 2);
    await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${ids[0]}/approve`, { headers: bearer(site.tokens.fatou), body: {} });
    await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${ids[1]}/reject`, { headers: bearer(site.tokens.fatou), body: { reason: 'abuse' } });
    await sampleHeldQueues(server.deps);
    const stats = (await get(site, '/stats')).body;
    const page = await open(site.tokens.fatou, '/moderate/stats');
    await page.locator('[data-figure="received"] dd').waitFor();
    expect(await page.locator('[data-figure="received"] dd').textContent()).toBe(String(stats.totals.received));
    const pct = (n: number) => `${(Math.round((1000 * n) / (stats.totals.autoApproved + stats.totals.autoHeld + stats.totals.autoRejected)) / 10).toLocaleString('fr-FR', { minimumFractionDigits: 1 })} %`;
    expect(await page.locator('[data-figure="toxic-share"] dd').textContent()).toBe(pct(stats.totals.scoredToxic));
    expect(await page.locator('#chart-decisions canvas').count()).toBeGreaterThan(0);
    await page.locator('#chart-decisions .toggle-view').click();
    // the table of the decisions chart: one row per day, each figure the API's
    const rows = page.locator('#chart-decisions tbody tr');
    expect(await rows.count()).toBe(stats.buckets.length);
    const today = stats.buckets.find((b: { received: number }) => b.received > 0);
    const row = page.locator('#chart-decisions tbody tr', { hasText: today.start });
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 6).map(Number)).toEqual([today.received, today.autoApproved, today.autoHeld, today.autoRejected, today.humanApproved, today.humanRejected]);
    expect(await page.locator('#table-moderators tbody tr', { hasText: 'Fatou' }).locator('td').allTextContents()).toEqual(['1', '1']);
    expect(await page.locator('#table-sections tbody tr', { hasText: 'Politique' }).locator('td').first().textContent()).toBe('2');
    expect(await page.locator('#table-articles tbody tr', { hasText: 'Budget 2027' }).locator('td').allTextContents()).toEqual(['Politique', '2', '2', '1']);
    await page.locator('#chart-held .toggle-view').click();
    expect(await page.locator('#chart-held tbody tr').count()).toBe(stats.heldQueue.points.length);
    await shot(page, 'stats');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('e')]);
    const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(csv.split('\r\n')[0]).toBe('start,received,autoApproved,autoHeld,autoRejected,humanApproved,humanRejected,scoredToxic,scoredSpam,surges,reports,humanMedianMs,humanP90Ms');
    expect(csv).toContain(`${today.start},${today.received},${today.autoApproved},${today.autoHeld},`);
    // by week, from the keyboard
    await page.keyboard.press('w');
    await page.waitForURL(/interval=week/);
  });

  it('rejects a shift-click range and a ticked card with one reason, then undoes the whole batch as one', async () => {
    const site = await createSite({ mode: 'pre' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await post(site, `Publicité ${wordOf(i)} pour un casino en ligne numéro ${i}`, 'budget', {}, 9000 + i));
    await settle(site, 5);
    const page = await open(site.tokens.fatou);
    // presence comes with the live subscription, whose first connection loads the queue again
    await expect.poll(() => page.locator('.presence .names').textContent()).toBe('Fatou');
    await expect.poll(() => page.locator('#queue-panel[aria-busy="false"] .card').count()).toBe(5);
    const order = await page.locator('.card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-comment-id')!));
    await page.locator(`.card[data-comment-id="${order[0]}"] .tick`).click();
    await page.locator(`.card[data-comment-id="${order[2]}"] .tick`).click({ modifiers: ['Shift'] });
    await expect.poll(() => page.locator('.selected-count').textContent()).toBe('3 commentaires sélectionnés');
    await page.locator(`.card[data-comment-id="${order[4]}"] .tick`).click();
    await shot(page, 'bulk-selected');
    await page.keyboard.press('Shift+R');
    await page.getByRole('dialog', { name: 'Rejeter 4 commentaires' }).waitFor();
    await page.getByLabel('Spam').check();
    await page.locator('#reject-note').fill('Vague de publicité');
    await page.getByRole('dialog').getByRole('button', { name: 'Rejeter', exact: true }).click();
    await page.getByText('4 commentaires traités.').waitFor();
    const ticked = [order[0], order[1], order[2], order[4]];
    for (const id of ticked) {
      const c = (await get(site, `/comments/${id}`)).body.comment;
      expect(c).toMatchObject({ status: 'rejected', moderatorReason: { code: 'spam', note: 'Vague de publicité' } });
    }
    expect((await get(site, `/comments/${order[3]}`)).body.comment.status).toBe('held');
    await page.locator('.undo-batch').click();
    await page.getByText('4 commentaires remis comme avant.').waitFor();
    for (const id of order) expect((await get(site, `/comments/${id}`)).body.comment.status).toBe('held');
    await expect.poll(() => page.locator('.card').count()).toBe(5);
    // select all on the page, then someone else decides one of them: it leaves the selection, with a notice
    await page.locator('#select-all').check();
    await expect.poll(() => page.locator('.selected-count').textContent()).toBe('5 commentaires sélectionnés');
    await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${order[1]}/approve`, { headers: bearer(site.tokens.ibrahim), body: {} });
    await page.getByText('1 commentaire sélectionné a été décidé ailleurs et quitte la sélection.').waitFor();
    await expect.poll(() => page.locator('.selected-count').textContent()).toBe('4 commentaires sélectionnés');
  });

  it('saves a setting that the next API read shows, and shows the API’s own message for a bad one', async () => {
    const site = await createSite();
    const page = await open(site.tokens.chef, '/moderate/settings');
    const hold = page.locator('#policy-thresholds-toxicity-hold');
    await hold.waitFor();
    expect(await hold.inputValue()).toBe('0.5');
    await hold.fill('0.35');
    await page.locator('#policy-bannedWords').fill('arnaque\ncasino');
    await page.locator('#policy-mode-pre').check();
    await page.locator('.save-policy').click();
    await page.getByText('Politique enregistrée.').waitFor();
    const read = (await get(site, '', site.tokens.chef)).body.policy;
    expect(read).toMatchObject({ mode: 'pre', bannedWords: ['arnaque', 'casino'], thresholds: { toxicity: { hold: 0.35, reject: 1 } } });
    await hold.fill('2');
    await page.locator('.save-policy').click();
    const issues = page.locator('#policy-issues');
    await issues.waitFor();
    expect(await issues.textContent()).toContain('policy.thresholds.toxicity.hold');
    expect(await hold.getAttribute('aria-invalid')).toBe('true');
    expect((await get(site, '', site.tokens.chef)).body.policy.thresholds.toxicity.hold).toBe(0.35);
    await shot(page, 'settings');
    // a plain moderator has no settings page
    const moderator = await open(site.tokens.fatou, '/moderate/settings');
    await moderator.getByText('Réservé aux administrateurs du site.').waitFor();
    expect(await moderator.locator('nav.pages a', { hasText: 'Réglages' }).count()).toBe(0);
  });

  it('adds a moderator whose token is shown once, changes their rights and revokes them', async () => {
    const site = await createSite();
    const page = await open(site.tokens.chef, '/moderate/settings');
    await page.locator('#moderator-name').fill('Awa');
    await page.locator('#moderator-scope').selectOption('read-only');
    await page.getByRole('button', { name: 'Ajouter un modérateur' }).click();
    const token = await page.locator('#new-token').inputValue();
    expect((await get(site, '/moderation/queue', token)).status).toBe(200);
    const listed = (await get(site, '/moderators', site.tokens.chef)).body.moderators.find((m: { name: string }) => m.name === 'Awa');
    expect(listed.scope).toBe('read-only');
    await page.locator(`#scope-${listed.id}`).selectOption('admin');
    await page.getByText('Droits de Awa : administrer.').waitFor();
    expect((await get(site, '', token)).status).toBe(200); // now a site admin
    await page.locator(`tr[data-moderator-id="${listed.id}"] .revoke`).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Révoquer' }).click();
    await page.getByText('Awa a été révoqué.').waitFor();
    expect((await get(site, '/moderation/queue', token)).status).toBe(401);
  });

  it('simulates a policy change with counts that match a direct computation from the stored scores', async () => {
    const site = await createSite();
    const bodies = ['Merci pour cet article.', 'Tu es un vrai connard.', 'Espèce de connard, ferme-la.', 'Quelle bande de crétins.', 'Article utile sur les routes.', 'Ferme ta gueule, abruti.'];
    for (const [i, b] of bodies.entries()) await post(site, `${b} ${wordOf(i)}`, 'budget', {}, 7000 + i);
    await waitUntil(() => get(site, '/moderation/queue?status=pending'), (r) => r.body.counts.pending === 0, 20_000);
    const page = await open(site.tokens.chef, '/moderate/settings');
    await page.locator('#policy-thresholds-toxicity-hold').fill('0.2');
    await page.locator('#policy-thresholds-toxicity-reject').fill('0.6');
    await page.keyboard.press('Escape'); // leave the field: the page's keys work again
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('s');
    await page.locator('.sim-summary').waitFor();
    // the direct computation: every decided comment's stored scores against the new thresholds
    const policy = mergePolicy(policySchema.parse({ thresholds: { toxicity: { hold: 0.5, reject: 1 } } }), { thresholds: { toxicity: { hold: 0.2, reject: 0.6 } } });
    const expected = new Map<string, number>();
    for (const status of ['approved', 'held', 'rejected']) {
      for (const c of (await get(site, `/moderation/queue?status=${status}`)).body.comments) {
        const to = decideStatus([{ scores: c.scores ?? {} }], policy).status;
        expected.set(`${status}>${to}`, (expected.get(`${status}>${to}`) ?? 0) + 1);
      }
    }
    const shown = new Map<string, number>();
    for (const row of await page.locator('table.transitions tbody tr').all()) {
      shown.set(`${await row.getAttribute('data-from')}>${await row.getAttribute('data-to')}`, Number(await row.locator('td.count').textContent()));
    }
    expect(shown).toEqual(expected);
    const moved = [...expected].filter(([k]) => k.split('>')[0] !== k.split('>')[1]).reduce((n, [, v]) => n + v, 0);
    expect(moved).toBeGreaterThan(0);
    expect(await page.locator('ol.moves > li').count()).toBe(moved);
    await shot(page, 'simulator');
    expect((await get(site, '', site.tokens.chef)).body.policy.thresholds.toxicity.hold).toBe(0.5); // nothing saved
  });

  it('filters the audit log by moderator, action and article, with links to the comment', async () => {
    const site = await createSite();
    const a = await post(site, 'Tu es un vrai connard.', 'budget');
    const b = await post(site, 'Espèce de connard.', 'sport');
    await settle(site, 2);
    await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${a}/reject`, { headers: bearer(site.tokens.fatou), body: { reason: { code: 'abuse', note: 'Insulte' } } });
    await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${b}/approve`, { headers: bearer(site.tokens.ibrahim), body: {} });
    const page = await open(site.tokens.fatou, '/moderate/audit');
    await page.locator('#audit-table tbody tr').nth(1).waitFor();
    await page.locator('#audit-moderatorId').selectOption(site.ids.fatou);
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect.poll(() => page.locator('#audit-table tbody tr').count()).toBe(1);
    const row = page.locator('#audit-table tbody tr').first();
    expect(await row.getAttribute('data-action')).toBe('comment.reject');
    expect(await row.textContent()).toContain('Propos injurieux — Insulte');
    await page.locator('#audit-moderatorId').selectOption('');
    await page.locator('#audit-articleId').fill('sport');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect.poll(() => page.locator('#audit-table tbody tr').first().getAttribute('data-action')).toBe('comment.approve');
    expect(await page.locator('#audit-table tbody tr').count()).toBe(1);
    await page.locator('#audit-table tbody tr').first().getByRole('link', { name: 'Ouvrir le commentaire' }).click();
    await page.waitForURL(`**/moderate/comments/${b}`);
    await card(page, b).waitFor();
    expect(await card(page, b).locator('.body').textContent()).toBe('Espèce de connard.');
  });

  it('finds comments by text, opens the article with all its comments and closes it, and keeps notes on the author', async () => {
    const site = await createSite();
    const id = await post(site, 'Tu es un vrai connard de ministre.', 'elections', { title: 'Élections', section: 'Politique' });
    await post(site, 'Merci pour ce reportage.', 'elections');
    await settle(site, 1);
    const page = await open(site.tokens.fatou, '/moderate/search');
    await page.keyboard.press('/');
    await page.keyboard.type('ministre');
    await page.keyboard.press('Enter');
    await card(page, id).waitFor();
    expect(await page.locator('.result-count').textContent()).toBe('1 résultat');
    await page.locator('.card-links a', { hasText: 'Voir l’article dans la console' }).first().click();
    await page.waitForURL('**/moderate/articles/elections');
    await expect.poll(() => page.locator('.cards .card').count()).toBe(2);
    await page.locator('.close-switch').click();
    await page.getByText('Commentaires fermés sur cet article.').waitFor();
    expect((await get(site, '/articles/elections')).body.article.closed).toBe(true);
    await page.keyboard.press('c');
    await page.getByText('Commentaires rouverts sur cet article.').waitFor();
    expect((await get(site, '/articles/elections')).body.article.closed).toBe(false);
    await card(page, id).waitFor();
    await page.locator('.card-links', { has: page.locator(`a[href$="${id}"]`) }).getByRole('link', { name: 'Fiche de l’auteur' }).click();
    await page.locator('#new-note').fill('Deuxième avertissement donné par téléphone.');
    await page.getByRole('button', { name: 'Ajouter la note' }).click();
    await page.locator('.note-text', { hasText: 'Deuxième avertissement' }).waitFor();
    const authorId = decodeURIComponent(page.url().split('/').pop()!);
    expect((await get(site, `/authors/${authorId}/notes`)).body.notes[0].text).toBe('Deuxième avertissement donné par téléphone.');
    await shot(page, 'author');
  });

  it('goes from page to page with g and a letter, follows the browser’s French, and remembers English once chosen', async () => {
    const site = await createSite();
    const page = await open(site.tokens.fatou);
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await page.waitForURL('**/moderate/stats');
    await page.keyboard.press('g');
    await page.keyboard.press('l');
    await page.waitForURL('**/moderate/audit');
    expect(await page.locator('nav.pages a[aria-current="page"]').textContent()).toBe('Journal');
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Raccourcis' });
    expect(await help.textContent()).toContain('Aller aux statistiques');
    await page.keyboard.press('Escape');
    await page.locator('#palabre-lang').selectOption('en');
    await page.getByRole('link', { name: 'Statistics' }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Statistics' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('has no horizontal scroll at 390 px on any page', async () => {
    const site = await createSite();
    const id = await post(site, 'Tu es un vrai connard, et voici un mot très long: anticonstitutionnellementanticonstitutionnellement', 'budget', { title: 'Un titre d’article assez long pour déborder sur un téléphone', section: 'Politique' });
    await settle(site, 1);
    const authorId = (await get(site, `/comments/${id}`)).body.comment.author.id;
    const page = await open(site.tokens.chef, '/moderate', { width: 390 });
    await card(page, id).waitFor();
    for (const path of ['', '/search?q=connard', '/articles', '/articles/budget', `/authors/${authorId}`, `/comments/${id}`, '/stats', '/audit', '/settings']) {
      await page.goto(`${server.url}/moderate${path}`);
      await page.locator('main#palabre-main > :nth-child(2)').waitFor();
      await page.waitForTimeout(300);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll, `/moderate${path}`).toBeLessThanOrEqual(widths.client);
      await shot(page, `phone${path.replace(/[/?=]/g, '-') || '-queues'}`);
    }
  });
});
