/**
 * `@palabre/client/embed`: the comment widget for pages built with a bundler, where the
 * `<script src=".../sdk/embed.js" data-…>` tag of docs/embedding.md is not the way in.
 * @example
 * import { mountCommentWidget } from '@palabre/client/embed';
 * const unmount = mountCommentWidget(document.getElementById('palabre')!, {
 *   apiUrl: 'https://comments.example.com', siteId, siteKey, articleId: 'budget-2027', lang: 'fr',
 * });
 */
import type { EmbedConfig } from './embed-config.js';
import { mountWidget } from './mount-widget.js';

export type { EmbedConfig } from './embed-config.js';
export type { Lang } from './i18n.js';
export { mountWidget, type WidgetDeps } from './mount-widget.js';

/** The widget's options: the embed script's data- attributes, as an object. */
export type CommentWidgetOptions = Pick<EmbedConfig, 'apiUrl' | 'siteId' | 'siteKey' | 'articleId'> &
  Partial<Omit<EmbedConfig, 'apiUrl' | 'siteId' | 'siteKey' | 'articleId' | 'container'>>;

/**
 * Mounts the comment widget in an open shadow root of `host`, with the defaults of the embed
 * script (French, light colours). Returns a function that unmounts it.
 */
export function mountCommentWidget(host: HTMLElement, options: CommentWidgetOptions): () => void {
  return mountWidget(host, {
    lang: 'fr',
    ssoToken: undefined,
    nonce: undefined,
    colorScheme: 'light',
    article: undefined,
    sort: 'oldest',
    featuredFirst: true,
    ...options,
    container: '',
    apiUrl: options.apiUrl.replace(/\/+$/, ''),
  });
}
