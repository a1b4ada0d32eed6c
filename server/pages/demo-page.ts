import type { RequestHandler } from 'express';
import type { ServerDeps } from '../server-deps.js';
import { escapeHtml } from './html-escape.js';

/**
 * A demo article page like a news site's, with the embed widget, so `npm start` shows the
 * whole loop in a browser. Uses the demo site unless `?site=…&siteKey=…&article=…` are given.
 */
export function demoPage(deps: ServerDeps): RequestHandler {
  return async (req, res) => {
    const demo = await deps.redis.hgetall(deps.keys.demo);
    const q = req.query as Record<string, unknown>;
    const pick = (v: unknown, fallback: string | undefined) => (typeof v === 'string' && v.length <= 200 ? v : fallback);
    const siteId = pick(q.site, demo.siteId);
    const siteKey = pick(q.siteKey, demo.publicKey);
    const article = pick(q.article, 'budget-2027-routes-du-nord')!;
    const lang = q.lang === 'en' ? 'en' : 'fr';
    if (!siteId || !siteKey) {
      res.status(404).type('html').send('<!doctype html><p>No demo site: start Palabre with DEMO_SITE=1 on an empty database, or pass ?site=…&amp;siteKey=…</p>');
      return;
    }
    res.type('html').send(`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Budget 2027 : les routes du nord enfin financées ? — Le Quotidien de la Lagune</title>
<style>
  body { margin: 0; font-family: Georgia, 'Times New Roman', serif; color: #1d1d1b; background: #fbfaf7; }
  header { border-bottom: 4px solid #b3261e; padding: 12px 24px; background: #fff; }
  header .brand { font: 700 28px/1.1 Georgia, serif; letter-spacing: .5px; }
  header nav { font: 14px system-ui, sans-serif; color: #555; margin-top: 6px; }
  main { max-width: 720px; margin: 0 auto; padding: 24px; }
  .kicker { font: 700 13px system-ui, sans-serif; color: #b3261e; text-transform: uppercase; }
  h1 { font-size: 34px; line-height: 1.15; margin: 8px 0 12px; }
  .byline { font: 14px system-ui, sans-serif; color: #666; margin-bottom: 24px; }
  article p { font-size: 19px; line-height: 1.6; }
  .comments-title { font: 700 22px system-ui, sans-serif; margin-top: 40px; border-top: 1px solid #ddd; padding-top: 24px; }
</style>
</head>
<body>
<header><div class="brand">Le Quotidien de la Lagune</div><nav>Politique · Économie · Société · Sport · Culture</nav></header>
<main>
<article>
<div class="kicker">Politique</div>
<h1>Budget 2027 : les routes du nord enfin financées ?</h1>
<div class="byline">Par la rédaction · article de démonstration de Palabre</div>
<p>Le projet de loi de finances présenté hier à l'Assemblée consacre une enveloppe inédite aux routes du nord du pays. Les élus de la région saluent un « tournant », l'opposition dénonce un « budget d'affichage » à quelques mois des élections.</p>
<p>Sur le terrain, les transporteurs attendent surtout des chantiers qui avancent. « Nous avons entendu ces promesses en 2019 et en 2023 », rappelle un chauffeur rencontré à la gare routière.</p>
</article>
<h2 class="comments-title">${lang === 'fr' ? 'Réactions' : 'Comments'}</h2>
<div id="palabre"></div>
<script src="/sdk/embed.js" data-site="${escapeHtml(siteId)}" data-site-key="${escapeHtml(siteKey)}" data-article="${escapeHtml(article)}" data-lang="${lang}" async></script>
</main>
</body>
</html>`);
  };
}
