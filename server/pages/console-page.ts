import type { RequestHandler } from 'express';
import type { ServerDeps } from '../server-deps.js';

/**
 * The moderator console's HTML shell; the app itself is /sdk/console.js, built on the SDK.
 * The token comes from the sign-in form or `#token=…` and never reaches the server in a URL;
 * `data-oidc` tells the console to offer sign-in with the newsroom's account.
 */
export const consolePage =
  (deps: Pick<ServerDeps, 'oidc'>): RequestHandler =>
  (_req, res) => {
    res.type('html').send(`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Palabre — modération</title>
</head>
<body>
<div id="palabre-console" data-api=""${deps.oidc ? ' data-oidc="1"' : ''}></div>
<noscript>La console de modération a besoin de JavaScript. / The moderation console needs JavaScript.</noscript>
<script src="/sdk/console.js" defer></script>
</body>
</html>`);
  };
