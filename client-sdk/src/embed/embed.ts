/**
 * The embeddable comment widget: `<div id="palabre"></div>` plus
 * `<script src="https://comments.example.com/sdk/embed.js" data-site data-site-key data-article async>`.
 * See docs/embedding.md.
 */
import { readEmbedConfig } from './embed-config.js';
import { mountWidget } from './mount-widget.js';

// captured synchronously: with async, document.currentScript is only set during this first run
const script = document.currentScript as HTMLScriptElement | null;

function start(): void {
  const config = readEmbedConfig(script, document);
  if (typeof config === 'string') {
    console.error(config);
    return;
  }
  const host = document.querySelector<HTMLElement>(config.container);
  if (!host) {
    console.error(`Palabre: no element matches ${config.container}`);
    return;
  }
  mountWidget(host, config);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
