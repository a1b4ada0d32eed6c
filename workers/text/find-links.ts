import type { Span } from '../../protocol/reason.js';

/** A link found in the raw comment. */
export interface FoundLink extends Span {
  /** The link as written, trailing punctuation removed. */
  text: string;
  /** Lowercase ASCII (punycode) host, e.g. `www.exemple.com`. */
  host: string;
}

// bare domains need a known TLD; French and English words ("ne", "ma", "de", "to", "in") are left out,
// so a missing space in "le pays.Ne pas" makes no link
const BARE_TLDS = [
  'com', 'net', 'org', 'info', 'biz', 'fr', 'ci', 'sn', 'cm', 'bf', 'ml', 'bj', 'tg', 'ga', 'cd', 'cg', 'gn', 'mg',
  'tn', 'dz', 'ng', 'gh', 'ke', 'za', 'be', 'ch', 'uk', 'eu', 'ru', 'cn', 'io', 'co', 'me', 'tv', 'cc', 'ly', 'gl',
  'gd', 'gy', 'at', 'ws', 'xyz', 'top', 'online', 'site', 'click', 'link', 'shop', 'store', 'app', 'dev', 'vip',
  'live', 'win', 'bid', 'loan', 'club', 'life', 'pro', 'news', 'blog', 'fun', 'icu', 'buzz', 'cfd', 'sbs',
].join('|');
const SPELLED_TLDS = ['com', 'net', 'org', 'info', 'fr', 'ci', 'sn'].join('|');
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';

// every written link has a dot and no space or quote: only the chunk around each dot is looked at
const CHUNK_BREAK = /[\s<>"'`«»]/u;
const SCHEME_OR_WWW = /https?:\/\/|www\./i;
const BARE_DOMAIN = new RegExp(`^(?:${LABEL}\\.)+(?:${BARE_TLDS})(?=$|[/?#:])`, 'i');
const LEADING_PUNCTUATION = /^[([{’‘“¿¡]+/u;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}’”]+$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// "exemple dot com", "exemple[.]com", "exemple (point) fr"
const SPELLED_HINT = /dot|point|[[(]\s*\./i;
const SPELLED_DOT = '(?:\\s*[[(]\\s*(?:\\.|dot|point)\\s*[\\])]\\s*|\\s+(?:dot|point)\\s+)';
const SPELLED_DOMAIN = new RegExp(
  `(?<![\\p{L}\\p{N}@.-])([a-z0-9-]{2,63})${SPELLED_DOT}(${SPELLED_TLDS})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** Lowercase ASCII host of a URL or domain, or undefined if it does not parse. */
export function hostOf(urlOrDomain: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(urlOrDomain) ? urlOrDomain : `http://${urlOrDomain}`;
  try {
    return new URL(withScheme).hostname.replace(/\.$/, '') || undefined;
  } catch {
    return undefined;
  }
}

/** True when `host` is `domain` or one of its subdomains. */
export const isHostInDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** The link in one chunk of text, as an offset into the chunk and the link text, if there is one. */
function linkInChunk(chunk: string): { offset: number; text: string } | undefined {
  const url = SCHEME_OR_WWW.exec(chunk);
  if (url !== null && (url.index === 0 || !LETTER_OR_DIGIT.test(chunk[url.index - 1]!))) {
    return { offset: url.index, text: chunk.slice(url.index).replace(TRAILING_PUNCTUATION, '') };
  }
  const offset = LEADING_PUNCTUATION.exec(chunk)?.[0].length ?? 0;
  const text = chunk.slice(offset).replace(TRAILING_PUNCTUATION, '');
  return BARE_DOMAIN.test(text) ? { offset, text } : undefined;
}

/**
 * Finds links in raw text: http(s) URLs, `www.` hosts, bare domains with a known TLD such as
 * `exemple.com/promo`, and spelled-out domains such as `exemple dot com`.
 * @example findLinks('voir bit.ly/x')[0].host // 'bit.ly'
 */
export function findLinks(raw: string): FoundLink[] {
  const links: FoundLink[] = [];
  for (let dot = raw.indexOf('.'); dot !== -1; ) {
    let chunkStart = dot;
    while (chunkStart > 0 && !CHUNK_BREAK.test(raw[chunkStart - 1]!)) chunkStart--;
    let chunkEnd = dot + 1;
    while (chunkEnd < raw.length && !CHUNK_BREAK.test(raw[chunkEnd]!)) chunkEnd++;
    const link = linkInChunk(raw.slice(chunkStart, chunkEnd));
    const host = link === undefined ? undefined : hostOf(link.text);
    if (link !== undefined && host !== undefined) {
      const start = chunkStart + link.offset;
      links.push({ start, end: start + link.text.length, text: link.text, host });
    }
    dot = raw.indexOf('.', chunkEnd);
  }
  if (!SPELLED_HINT.test(raw)) return links;
  for (const m of raw.matchAll(SPELLED_DOMAIN)) {
    links.push({ start: m.index, end: m.index + m[0].length, text: m[0], host: `${m[1]}.${m[2]}`.toLowerCase() });
  }
  return links.sort((a, b) => a.start - b.start);
}
