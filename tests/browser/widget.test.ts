import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { commentItem, focused, openWidget as openWidgetPage, tabTo } from '../support/widget-page.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');
const XSS_PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '<a href="javascript:window.__xss=1">x</a>',
  '"><svg onload=window.__xss=1>',
];

let server: TestServer;
let browser: Browser;
let site: { id: string; publicKey: string; ssoSecret: string; moderatorToken: string };
let articleSeq = 0;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  const admin = { authorization: `Bearer ${server.adminToken}` };
  // the demo page is served by the test server itself, so its origin is the one to allow
  const created = await api(server.url, 'POST', '/api/v1/sites', {
    headers: admin,
    body: { name: 'Le Quotidien test', origins: [server.url], policy: {} },
  });
  if (created.status !== 201) throw new Error(`createSite: ${created.status} ${JSON.stringify(created.body)}`);
  const mod = await api(server.url, 'POST', `/api/v1/sites/${created.body.id}/moderators`, {
    headers: admin,
    body: { name: 'Fatou', role: 'moderator' },
  });
  if (mod.status !== 201) throw new Error(`createModerator: ${mod.status}`);
  site = { id: created.body.id, publicKey: created.body.publicKey, ssoSecret: created.body.ssoSecret, moderatorToken: mod.body.token };
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const newArticle = () => `article-${Date.now().toString(36)}-${++articleSeq}`;

/** Posts as a reader from the site's origin; returns the comment id. */
async function post(article: string, name: string, body: string, parentId?: string): Promise<string> {
  const res = await api(server.url, 'POST', `/api/v1/sites/${site.id}/articles/${article}/comments`, {
    headers: { 'x-site-key': site.publicKey, origin: server.url },
    body: { body, author: { name }, ...(parentId ? { parentId } : {}) },
  });
  expect(res.status).toBe(202);
  return res.body.comment.id;
}

async function approve(id: string): Promise<void> {
  const res = await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${id}/approve`, {
    headers: { authorization: `Bearer ${site.moderatorToken}` },
    body: {},
  });
  expect(res.status).toBe(200);
}

const postApproved = async (article: string, name: string, body: string, parentId?: string) => {
  const id = await post(article, name, body, parentId);
  await approve(id);
  return id;
};

/** The demo article page with the widget, once its first page is shown and live updates are on. */
const openWidget = (article: string, lang: 'fr' | 'en' = 'fr'): Promise<Page> => openWidgetPage(browser, server.url, site, article, lang);
const comment = commentItem;

describe('embeddable comment widget', () => {
  it('renders the approved thread oldest first with replies nested, in French and in English', async () => {
    const article = newArticle();
    const root = await postApproved(article, 'Awa', 'Enfin un budget qui parle des routes du nord.');
    const reply = await postApproved(article, 'Koffi', 'Encore faut-il que les chantiers démarrent.', root);
    const nested = await postApproved(article, 'Awa', 'Le premier appel d’offres est publié.', reply);
    const second = await postApproved(article, 'Moussa', 'Et les pistes rurales ?');
    await post(article, 'Invisible', 'still pending, never shown');

    const fr = await openWidget(article, 'fr');
    expect(await fr.getByRole('button', { name: 'Annuler la réponse' }).isVisible()).toBe(false);
    await expect.poll(() => fr.locator('.pal-count').textContent()).toBe('4 commentaires');
    expect(await fr.locator('.pal-list > li.pal-comment').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.commentId))).toEqual([root, second]);
    await comment(fr, root).locator(`> ul.pal-replies > li[data-comment-id="${reply}"]`).waitFor();
    await comment(fr, reply).locator(`> ul.pal-replies > li[data-comment-id="${nested}"]`).waitFor();
    expect(await comment(fr, nested).locator('.pal-body').first().textContent()).toBe('Le premier appel d’offres est publié.');
    expect(await fr.getByText('still pending, never shown').count()).toBe(0);
    await comment(fr, root).getByRole('button', { name: 'Répondre — Awa' }).first().waitFor();
    await fr.getByLabel('Votre nom').waitFor();
    await fr.getByText('à l’instant').first().waitFor();
    await fr.locator('#palabre').screenshot({ path: join(ARTIFACTS, 'widget-fr.png') });
    await fr.close();

    const en = await openWidget(article, 'en');
    await expect.poll(() => en.locator('.pal-count').textContent()).toBe('4 comments');
    await comment(en, reply).locator(`> ul.pal-replies > li[data-comment-id="${nested}"]`).waitFor();
    await en.getByLabel('Your name').waitFor();
    await en.getByLabel('Your comment').waitFor();
    expect(await en.getByRole('button', { name: /^Report/ }).count()).toBe(4);
    await en.locator('#palabre').screenshot({ path: join(ARTIFACTS, 'widget-en.png') });
    await en.close();
  });

  it('shows a posted comment as awaiting moderation, then publishes it live once approved', async () => {
    const article = newArticle();
    const page = await openWidget(article);
    const submit = page.getByRole('button', { name: 'Publier' });
    expect(await submit.isDisabled()).toBe(true);
    await page.getByLabel('Votre nom').fill('Aïssatou');
    await page.getByLabel('Votre commentaire').pressSequentially('  Très bon article  ');
    await expect.poll(() => page.locator('.pal-counter').textContent()).toBe('16 / 5000 caractères');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button|Publier');
    await page.keyboard.press('Enter');

    const pending = page.locator('li.pal-comment.pal-pending');
    await pending.waitFor();
    expect(await pending.textContent()).toContain('En attente de modération');
    expect(await pending.locator('.pal-body').textContent()).toBe('Très bon article');
    expect(await page.locator('.pal-count').textContent()).toBe('Aucun commentaire');
    expect(await page.getByLabel('Votre commentaire').inputValue()).toBe('');
    expect(await page.evaluate(() => localStorage.getItem('palabre.authorName'))).toBe('Aïssatou');
    await page.locator('#palabre').screenshot({ path: join(ARTIFACTS, 'widget-pending.png') });

    const id = (await pending.getAttribute('data-comment-id'))!;
    await approve(id);
    await page.locator(`li.pal-comment:not(.pal-pending)[data-comment-id="${id}"]`).waitFor({ timeout: 10_000 });
    expect(await page.locator('li.pal-pending').count()).toBe(0);
    await expect.poll(() => page.locator('[aria-live="polite"]').textContent()).toContain('Votre commentaire a été publié.');
    await expect.poll(() => page.locator('.pal-count').textContent()).toBe('1 commentaire');
    await page.close();
  });

  it('shows the reader their own comments again after a reload: awaiting moderation, or refused with the reason in French', async () => {
    const article = newArticle();
    const page = await openWidget(article);
    const write = async (text: string) => {
      await page.getByLabel('Votre nom').fill('Kofi');
      await page.getByLabel('Votre commentaire').fill(text);
      await page.getByRole('button', { name: 'Publier' }).click();
      const mine = page.locator('li.pal-pending', { hasText: text });
      await mine.waitFor();
      return (await mine.getAttribute('data-comment-id'))!;
    };
    const waiting = await write('Je reviendrai voir la réponse.');
    const refused = await write('Un message que la modération va refuser.');
    const res = await api(server.url, 'POST', `/api/v1/sites/${site.id}/comments/${refused}/reject`, {
      headers: { authorization: `Bearer ${site.moderatorToken}` },
      body: { reason: 'abuse' },
    });
    expect(res.status).toBe(200);

    await page.reload();
    await page.locator('.pal-root[data-live="ready"]').waitFor();
    const stillWaiting = comment(page, waiting);
    await stillWaiting.waitFor();
    expect(await stillWaiting.locator('.pal-badge').textContent()).toBe('En attente de modération');
    const notPublished = comment(page, refused);
    await notPublished.waitFor();
    expect(await notPublished.locator('.pal-badge').textContent()).toBe('Non publié');
    expect(await notPublished.locator('.pal-hint').textContent()).toBe('La modération n’a pas publié votre commentaire. Motif :');
    expect(await notPublished.locator('.pal-refusal li').allTextContents()).toEqual(['Propos injurieux']);
    expect(await notPublished.locator('.pal-body').textContent()).toBe('Un message que la modération va refuser.');
    await page.locator('#palabre').screenshot({ path: join(ARTIFACTS, 'widget-own-refused.png') });

    // once published, the comment is no longer the reader's private copy
    await approve(waiting);
    await page.locator(`li.pal-comment:not(.pal-pending)[data-comment-id="${waiting}"]`).waitFor();
    await page.reload();
    await page.locator('.pal-root[data-live="ready"]').waitFor();
    await comment(page, refused).waitFor();
    expect(await page.locator('li.pal-pending').count()).toBe(1);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('palabre.own.')).length)).toBe(1);
    await page.close();
  });

  it('posts a reply from the form opened under the chosen comment', async () => {
    const article = newArticle();
    const parent = await postApproved(article, 'Awa', 'Qui a lu le rapport de la Cour des comptes ?');
    const page = await openWidget(article);
    await comment(page, parent).getByRole('button', { name: 'Répondre — Awa' }).click();
    const form = comment(page, parent).locator('form.pal-form');
    await form.getByText('En réponse à Awa').waitFor();
    expect(await focused(page)).toBe('textarea|Votre commentaire');
    await page.getByLabel('Votre nom').fill('Koffi');
    await page.getByLabel('Votre commentaire').fill('Moi, page 12.');
    await page.keyboard.press('Control+Enter');

    const pending = comment(page, parent).locator('> ul.pal-replies > li.pal-pending');
    await pending.waitFor();
    expect(await pending.locator('.pal-body').textContent()).toBe('Moi, page 12.');
    expect(await comment(page, parent).locator('form.pal-form').count()).toBe(0); // back at the top
    const id = (await pending.getAttribute('data-comment-id'))!;
    const stored = await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${id}`, {
      headers: { authorization: `Bearer ${site.moderatorToken}` },
    });
    expect(stored.body.comment.parentId).toBe(parent);
    await page.close();
  });

  it('inserts a comment approved elsewhere live and announces it', async () => {
    const article = newArticle();
    const first = await postApproved(article, 'Awa', 'Premier !');
    const page = await openWidget(article);
    await comment(page, first).waitFor();

    const reply = await postApproved(article, 'Ibrahima', 'Une réponse arrivée en direct.', first);
    const root = await postApproved(article, 'Mariam', 'Un commentaire arrivé en direct.');
    await comment(page, first).locator(`> ul.pal-replies > li[data-comment-id="${reply}"]`).waitFor({ timeout: 10_000 });
    await comment(page, root).waitFor({ timeout: 10_000 });
    const live = page.locator('[aria-live="polite"]');
    await expect.poll(() => live.textContent()).toContain('Nouveau commentaire de Ibrahima');
    await expect.poll(() => live.textContent()).toContain('Nouveau commentaire de Mariam');
    await expect.poll(() => page.locator('.pal-count').textContent()).toBe('3 commentaires');
    await page.close();
  });

  it('sends a report chosen from the report menu', async () => {
    const article = newArticle();
    const id = await postApproved(article, 'Troll', 'Achetez mes lunettes de soleil !!!');
    const page = await openWidget(article);
    await comment(page, id).getByRole('button', { name: /^Signaler/ }).click();
    await page.getByRole('radio', { name: 'Hors sujet' }).check();
    await page.locator('#palabre').screenshot({ path: join(ARTIFACTS, 'widget-report.png') });
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await comment(page, id).getByText('Merci, signalé').waitFor();

    const res = await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${id}`, {
      headers: { authorization: `Bearer ${site.moderatorToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.body.comment.reports.total).toBe(1);
    expect(res.body.comment.reports.byReason).toEqual({ off_topic: 1 });
    await page.close();
  });

  it('renders markup in names and bodies as literal text, from the thread and live', async () => {
    const article = newArticle();
    for (const payload of XSS_PAYLOADS.slice(0, 3)) await postApproved(article, payload, payload);
    const page = await openWidget(article);
    const live = XSS_PAYLOADS[3]!;
    await postApproved(article, live, live);

    for (const payload of XSS_PAYLOADS) {
      await page.locator('.pal-body', { hasText: payload }).first().waitFor({ timeout: 10_000 });
      expect(await page.locator('.pal-body').filter({ hasText: payload }).first().textContent()).toBe(payload);
      expect(await page.locator('.pal-author').filter({ hasText: payload }).first().textContent()).toBe(payload);
    }
    await page.waitForTimeout(300); // onerror / onload would have fired by now
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    const injected = await page.evaluate(() => document.querySelector('#palabre')!.shadowRoot!.querySelectorAll('img, script, svg, a, iframe').length);
    expect(injected).toBe(0);
    await page.locator('#palabre').screenshot({ path: join(ARTIFACTS, 'widget-xss.png') });
    await page.close();
  });

  it('loads older pages with "load more" and keeps the comments in order', async () => {
    const article = newArticle();
    const ids: string[] = [];
    for (let i = 1; i <= 32; i++) ids.push(await postApproved(article, `Lecteur ${i}`, `Commentaire numéro ${i}`));
    const page = await openWidget(article);
    await expect.poll(() => page.locator('.pal-count').textContent()).toBe('32 commentaires');
    expect(await page.locator('.pal-list > li.pal-comment').count()).toBe(30);
    await page.getByRole('button', { name: 'Afficher plus de commentaires' }).click();
    await expect.poll(() => page.locator('.pal-list > li.pal-comment').count()).toBe(32);
    expect(await page.locator('.pal-list > li.pal-comment').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.commentId))).toEqual(ids);
    expect(await page.getByRole('button', { name: 'Afficher plus de commentaires' }).isVisible()).toBe(false);
    await page.close();
  });

  it('explains a write limit and a network failure in an alert, keeping the text typed', async () => {
    const article = newArticle();
    const page = await openWidget(article);
    let answer: 'rate_limited' | 'offline' = 'rate_limited';
    await page.route(`**/articles/${article}/comments`, (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      if (answer === 'offline') return route.abort('internetdisconnected');
      return route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '42' },
        body: JSON.stringify({ error: { code: 'rate_limited', message: 'Too many writes; try again later.' } }),
      });
    });
    await page.getByLabel('Votre nom').fill('Awa');
    await page.getByLabel('Votre commentaire').fill('Encore un avis.');
    await page.getByRole('button', { name: 'Publier' }).click();
    const alert = page.locator('form.pal-form [role="alert"]');
    await expect.poll(() => alert.textContent()).toBe('Trop de commentaires, réessayez dans 42 s.');
    expect(await page.getByLabel('Votre commentaire').inputValue()).toBe('Encore un avis.');

    answer = 'offline';
    await page.getByRole('button', { name: 'Publier' }).click();
    await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toContain('Connexion impossible');
    expect(await page.locator('li.pal-pending').count()).toBe(0);
    await page.close();
  });

  it('posts as the signed-in reader of an SSO token, in the language of the page, in the chosen container', async () => {
    const article = newArticle();
    const token = await new SignJWT({ name: 'Aminata Diallo' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('reader-42')
      .setAudience(site.id)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(site.ssoSecret));
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    // a host page of our own on the server's origin: no data-lang, html lang="en", another container
    await page.route(`${server.url}/my-article`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en-GB"><body><h1>An article</h1><section id="reactions"></section>
<script src="/sdk/embed.js" data-site="${site.id}" data-site-key="${site.publicKey}" data-article="${article}"
  data-container="#reactions" data-sso-token="${token}" async></script></body></html>`,
      }),
    );
    await page.goto(`${server.url}/my-article`);
    // Chrome treats a fulfilled page as public and refuses its WebSocket to 127.0.0.1 (local
    // network access checks): the thread and the form must work without live updates anyway
    await expect.poll(() => page.locator('#reactions .pal-count').textContent()).toBe('No comments');
    await page.getByText('Signed in as Aminata Diallo').waitFor();
    expect(await page.getByLabel('Your name').count()).toBe(0);
    await page.getByLabel('Your comment').fill('Posted with my account.');
    await page.getByRole('button', { name: 'Post' }).click();
    const pending = page.locator('li.pal-pending');
    await pending.getByText('Awaiting moderation').waitFor();
    expect(await pending.locator('.pal-author').textContent()).toBe('Aminata Diallo');

    const id = (await pending.getAttribute('data-comment-id'))!;
    const stored = await api(server.url, 'GET', `/api/v1/sites/${site.id}/comments/${id}`, {
      headers: { authorization: `Bearer ${site.moderatorToken}` },
    });
    expect(stored.body.comment.author.name).toBe('Aminata Diallo');
    expect(stored.body.comment.author.id).toMatch(/^u_/);
    await page.close();
  });

  it('lets a keyboard-only reader post a comment and open the report menu', async () => {
    const article = newArticle();
    const id = await postApproved(article, 'Awa', 'Un commentaire à signaler au clavier.');
    const page = await openWidget(article);
    await page.locator('body').focus();

    await tabTo(page, (d) => d === 'input|Votre nom');
    await page.keyboard.type('Clavier');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('textarea|Votre commentaire');
    await page.keyboard.type('Envoyé sans souris.');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button|Publier');
    await page.keyboard.press('Enter');
    await page.locator('li.pal-pending', { hasText: 'Envoyé sans souris.' }).waitFor();

    await tabTo(page, (d) => d.startsWith('button|Signaler'));
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('input|spam'); // the first reason, already checked
    expect(await page.getByRole('radio', { name: 'Spam ou publicité' }).isChecked()).toBe(true);
    await page.keyboard.press('Escape'); // closes and gives the focus back
    expect(await focused(page)).toBe('button|Signaler');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: 'Insulte ou harcèlement' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button|Envoyer le signalement');
    await page.keyboard.press('Enter');
    await comment(page, id).getByText('Merci, signalé').waitFor();
    expect(await focused(page)).toBe('span|Merci, signalé');
    await page.close();
  });
});
