import { isThreadSort, type ThreadSort } from '../../../protocol/comment.js';
import { pickLang, type Lang } from './i18n.js';

/** What the host page asked for, read from the `<script>` tag's data- attributes. */
export interface EmbedConfig {
  apiUrl: string;
  siteId: string;
  siteKey: string;
  articleId: string;
  lang: Lang;
  ssoToken: string | undefined;
  /** CSS selector of the element the widget mounts in. @default '#palabre' */
  container: string;
  /** The script tag's CSP nonce, reused for the widget's <style> so a nonce-based style-src allows it. */
  nonce: string | undefined;
  /** `light` (default), `dark`, or `auto` to follow prefers-color-scheme. */
  colorScheme: 'light' | 'dark' | 'auto';
  /**
   * Title, canonical URL and section sent with comments so moderators see the article and can
   * work by section: `data-article-title`, `data-article-url` and `data-article-section`, else the
   * page's og:title (or title), `<link rel="canonical">` and `<meta property="article:section">`.
   */
  article: { title?: string; url?: string; section?: string } | undefined;
  /** The thread's first order (`data-sort`); a reader's own choice, remembered, wins. @default 'oldest' */
  sort: ThreadSort;
  /** The newsroom's picks open the thread (`data-featured-first`, `false` turns it off). @default true */
  featuredFirst: boolean;
}

/**
 * Reads the configuration from the embed's own script tag. The API is the origin of the
 * script's src unless `data-api` says otherwise. Returns an error message when a required
 * attribute is missing.
 */
export function readEmbedConfig(script: HTMLScriptElement | null, doc: Document): EmbedConfig | string {
  if (!script) return 'Palabre: cannot find the embed <script> tag (load it with a plain <script src>, not as a module)';
  const d = script.dataset;
  const missing = (['site', 'siteKey', 'article'] as const).filter((k) => !d[k]);
  if (missing.length > 0) {
    return `Palabre: the embed script needs ${missing.map((k) => `data-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ')}`;
  }
  let apiUrl: string;
  try {
    apiUrl = d.api ? new URL(d.api, doc.baseURI).href.replace(/\/+$/, '') : new URL(script.src, doc.baseURI).origin;
  } catch {
    return 'Palabre: data-api is not a valid URL';
  }
  return {
    apiUrl,
    siteId: d.site!,
    siteKey: d.siteKey!,
    articleId: d.article!,
    lang: pickLang(d.lang, doc.documentElement.lang),
    ssoToken: d.ssoToken || undefined,
    container: d.container || '#palabre',
    nonce: script.nonce || undefined,
    colorScheme: d.colorScheme === 'dark' || d.colorScheme === 'auto' ? d.colorScheme : 'light',
    article: articleOfPage(d, doc),
    sort: isThreadSort(d.sort) ? d.sort : 'oldest',
    featuredFirst: d.featuredFirst !== 'false',
  };
}

/** The article's title, canonical URL and section, as far as the page tells them (the server validates them). */
function articleOfPage(d: DOMStringMap, doc: Document): EmbedConfig['article'] {
  const og = doc.querySelector<HTMLMetaElement>('meta[property="og:title"]')?.content;
  const title = (d.articleTitle || og || doc.title || '').trim().slice(0, 300);
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  const url = d.articleUrl || canonical || '';
  const section = (d.articleSection || doc.querySelector<HTMLMetaElement>('meta[property="article:section"]')?.content || '').trim().slice(0, 60);
  const article = {
    ...(title ? { title } : {}),
    ...(/^https?:\/\//.test(url) && url.length <= 2000 ? { url } : {}),
    ...(section ? { section } : {}),
  };
  return Object.keys(article).length > 0 ? article : undefined;
}

/** The `name` claim of an SSO JWT, for display only (the server verifies the token). */
export function nameFromSsoToken(token: string | undefined): string | undefined {
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (ch) => ch.charCodeAt(0)))) as { name?: unknown };
    return typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : undefined;
  } catch {
    return undefined;
  }
}
