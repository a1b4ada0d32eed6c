import type { AttackState } from '../moderator-client.js';
import { getLang, t } from './i18n.js';

const clock = (iso: string) => new Date(iso).toLocaleTimeString(getLang() === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit' });

/** The banner shown while the site is under attack: since when, how many comments, by which signal, which articles. */
export function AttackBanner(props: { attack: AttackState | null; articleTitle(id: string): string }) {
  if (!props.attack) return null;
  const { figures } = props.attack;
  const articles = figures.articles.map((a) => `${props.articleTitle(a.id)} (${a.flagged})`).join(', ');
  return (
    <div class="attack-banner" data-attack="on">
      <strong>{t('attackBanner', { time: clock(props.attack.startedAt), count: figures.flagged, held: figures.heldOrRejected })}</strong>
      <span>{t('attackSignals', { device: figures.signals.device_flood, text: figures.signals.text_campaign, rhythm: figures.signals.inhuman_rhythm })}</span>
      {articles ? <span>{t('attackArticles', { articles })}</span> : null}
    </div>
  );
}
