import { findLinks, hostOf, isHostInDomain, type FoundLink } from '../text/find-links.js';
import { isUrlShortener } from '../text/url-shorteners.js';
import { linkSpamWeight } from '../scoring/spam-signals.js';
import { saturate } from '../scoring/saturate.js';
import { defineCheck } from './define-check.js';
import { quoteRaw } from './quote-raw.js';
import type { CheckStatus } from '../../protocol/decision.js';

const normalizedDomains = new WeakMap<readonly string[], string[]>();

/** Site entries as hosts: "*.Exemple.com", "https://exemple.com/x" and "exemple.com" all mean `exemple.com`. */
function blockedHosts(domains: readonly string[]): string[] {
  let hosts = normalizedDomains.get(domains);
  if (hosts === undefined) {
    hosts = domains.map((d) => hostOf(d.trim().replace(/^\*\./, ''))).filter((h): h is string => h !== undefined);
    normalizedDomains.set(domains, hosts);
  }
  return hosts;
}

const quoteAll = (raw: string, links: readonly FoundLink[]) => links.map((l) => quoteRaw(raw, l)).join(', ');
const spansOf = (links: readonly FoundLink[]) => links.map(({ start, end }) => ({ start, end }));

/** Holds or rejects comments by their links (shorteners, blocked domains, too many) and scores them as spam. */
export const links = defineCheck({
  name: 'links',
  version: '1',
  codes: ['blocked_domain', 'url_shortener', 'too_many_links', 'contains_link'],
  run(ctx, reason) {
    const raw = ctx.text.raw;
    const found = findLinks(raw);
    if (found.length === 0) return undefined;
    const { policy } = ctx;
    const reasons: Array<ReturnType<typeof reason>> = [];
    let status: CheckStatus | undefined;
    const say = (code: Parameters<typeof reason>[0], message: string, linked: readonly FoundLink[]) =>
      reasons.push(reason(code, message, { spans: spansOf(linked) }));

    const blocked = blockedHosts(policy.blockedDomains);
    const toBlocked = found.filter((l) => blocked.some((d) => isHostInDomain(l.host, d)));
    if (toBlocked.length > 0) {
      say('blocked_domain', `Link to a blocked domain: ${quoteAll(raw, toBlocked)}`, toBlocked);
      status = 'rejected';
    }
    const shortened = found.filter((l) => isUrlShortener(l.host));
    if (shortened.length > 0) {
      say('url_shortener', `Shortened link hides where it goes: ${quoteAll(raw, shortened)}`, shortened);
      status ??= 'held';
    }
    if (found.length > policy.maxLinks) {
      say('too_many_links', `${found.length} links, the site allows ${policy.maxLinks}`, found);
      status ??= 'held';
    }
    if (policy.holdLinks) {
      say('contains_link', `The site reviews comments with links: ${quoteAll(raw, found)}`, found);
      status ??= 'held';
    }
    const spam = saturate(found.map(linkSpamWeight));
    return status === undefined ? { scores: { spam } } : { status, reasons, scores: { spam } };
  },
});
