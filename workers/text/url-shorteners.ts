/** Link shorteners: they hide where a link goes, which is what spammers want. */
export const URL_SHORTENERS: ReadonlySet<string> = new Set([
  'bit.ly', 'bitly.com', 'tinyurl.com', 't.co', 'goo.gl', 'ow.ly', 'is.gd', 'v.gd', 'cutt.ly', 'rb.gy',
  'shorturl.at', 'tiny.cc', 'buff.ly', 'rebrand.ly', 't.ly', 'bl.ink', 's.id', 'lnkd.in', 'shorte.st',
  'adf.ly', 'tr.im', 'qr.ae', 'cli.gs', 'x.co', 'soo.gd', 'u.to', 'tiny.one', 'shrtco.de', 'urlz.fr',
  'snip.ly', 'clck.ru', 'po.st', 'bc.vc', 'ouo.io',
]);

/** True when the host is a shortener or one of its subdomains. */
export function isUrlShortener(host: string): boolean {
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    if (URL_SHORTENERS.has(h)) return true;
  }
  return false;
}

