/**
 * What an old platform exported, made into what Palabre stores: plain text from its HTML,
 * article ids from its identifiers or URLs, dates in ISO 8601.
 */

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  // the typography WordPress and Disqus write as entities
  mdash: '—', ndash: '–', hellip: '…', laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', euro: '€',
};

/** Decodes character references (`&amp;`, `&#233;`, `&#xE9;`) and the few named entities exports use. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * A comment's HTML (Disqus `<message>`, WordPress `comment_content`) as plain text: paragraphs
 * and line breaks become new lines, a link keeps its address after its text, every other tag
 * goes. Comment text is data in Palabre, never markup.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/\r\n?/g, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<a\b[^>]*\bhref\s*=\s*(["'])(.*?)\1[^>]*>(.*?)<\/a>/gis, (_, _q, href: string, inner: string) => {
      const label = inner.replace(/<[^>]*>/g, '').trim();
      const url = decodeEntities(href);
      return label && decodeEntities(label) !== url ? `${label} (${url})` : url;
    })
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .normalize('NFC');
}

/** An article id Palabre accepts (1-200 of `A-Z a-z 0-9 . _ ~ -`) from any identifier; '' when nothing is left. */
export function toArticleId(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._~-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200)
    .replace(/-+$/, '');
}

/** The path of a URL as an article id (`https://x.sn/2024/05/budget/` → `2024-05-budget`); '' for no URL. */
export function articleIdFromUrl(url: string): string {
  try {
    return toArticleId(decodeURIComponent(new URL(url).pathname));
  } catch {
    return '';
  }
}

/** An http(s) URL of at most 2,000 characters, as Palabre stores article URLs; else undefined. */
export function articleUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && url.length <= 2000 ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** ISO 8601 from an export's date; WordPress's GMT dates have no zone (`2024-05-01 10:00:00`). undefined when unreadable. */
export function isoDate(raw: string, assumeUtc = false): string | undefined {
  const text = assumeUtc && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(raw) ? `${raw.replace(' ', 'T')}Z` : raw;
  const ms = Date.parse(text);
  return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : undefined;
}
