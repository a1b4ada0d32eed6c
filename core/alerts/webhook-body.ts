import { alertText, consoleLink } from './alert-text.js';
import type { Webhook } from './alert-policy.js';
import type { AlertPayload } from './webhook-queue.js';

/** Slack's mrkdwn: `&`, `<` and `>` are its only control characters (links, mentions); escaped, text stays text. */
export const slackEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Discord's markdown and links, made inert with a backslash; mentions are also refused by `allowed_mentions`. */
export const discordEscape = (s: string): string => s.replace(/[\\*_~`|>#[\]()@:-]/g, '\\$&');

/** Discord refuses content over 2,000 characters. */
const DISCORD_MAX = 2000;

/**
 * The body a webhook receives: Palabre's JSON payload, or a message in the shape Slack's or
 * Discord's incoming webhooks accept (`{text}`; `{content, allowed_mentions}`), in the webhook's
 * language, with a link to the console when PUBLIC_URL is set.
 */
export function webhookBody(webhook: Pick<Webhook, 'format' | 'lang'>, payload: AlertPayload, consoleUrl?: string): string {
  const link = consoleLink(payload, consoleUrl);
  const open = webhook.lang === 'fr' ? 'Ouvrir dans la console' : 'Open in the console';
  switch (webhook.format) {
    case 'slack': {
      const text = alertText(payload, webhook.lang, slackEscape);
      return JSON.stringify({ text: link ? `${text}\n<${link}|${open}>` : text, unfurl_links: false });
    }
    case 'discord': {
      // <link>: Discord shows no preview of it
      const line = link ? `\n${open}${webhook.lang === 'fr' ? ' : ' : ': '}<${link}>` : '';
      const text = alertText(payload, webhook.lang, discordEscape);
      const content = text.slice(0, DISCORD_MAX - line.length) + line;
      return JSON.stringify({ content, allowed_mentions: { parse: [] } });
    }
    default:
      return JSON.stringify(payload);
  }
}
