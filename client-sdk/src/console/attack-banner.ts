import type { AttackState } from '../moderator-client.js';
import { h } from './element.js';
import { t } from './i18n.js';

const clock = (iso: string) =>
  new Date(iso).toLocaleTimeString(document.documentElement.lang || undefined, { hour: '2-digit', minute: '2-digit' });

/** The banner shown while the site is under attack: since when, how many comments, by which signal, which articles. */
export function attackBanner(attack: AttackState | null, articleTitle: (id: string) => string): HTMLElement | string {
  if (!attack) return '';
  const { figures } = attack;
  const articles = figures.articles.map((a) => `${articleTitle(a.id)} (${a.flagged})`).join(', ');
  return h(
    'div',
    { class: 'attack-banner', 'data-attack': 'on' },
    h('strong', {}, t('attackBanner', { time: clock(attack.startedAt), flagged: figures.flagged, held: figures.heldOrRejected })),
    h(
      'span',
      {},
      t('attackSignals', { device: figures.signals.device_flood, text: figures.signals.text_campaign, rhythm: figures.signals.inhuman_rhythm }),
    ),
    articles ? h('span', {}, t('attackArticles', { articles })) : null,
  );
}
