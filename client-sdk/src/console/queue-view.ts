import type { QueueStatus } from '../moderator-client.js';
import { commentCard, type CardContext } from './comment-card.js';
import { button, h } from './element.js';
import { t } from './i18n.js';
import { moderatorName, QUEUES, type ConsoleState } from './state.js';

export interface QueueViewHandlers {
  showQueue(q: QueueStatus): void;
  select(id: string): void;
  approve(id: string): void;
  reject(id: string): void;
  ban(id: string): void;
  /** Picks a published comment for the newsroom's picks, or takes it off them. */
  feature(id: string): void;
  loadMore(): void;
}

/** The queue tabs, each with its live count; arrow keys move between tabs. */
export function queueTabs(s: ConsoleState, on: QueueViewHandlers): HTMLElement {
  const tabs = QUEUES.map((q) => {
    const count = s.counts[q];
    const tab = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${q}`,
        'aria-selected': String(q === s.queue),
        'aria-controls': 'queue-panel',
        tabindex: q === s.queue ? '0' : '-1',
        'data-queue': q,
      },
      t(q),
      ' ',
      h('span', { class: 'count', 'data-count': q }, count === undefined ? '–' : String(count)),
    );
    tab.addEventListener('click', () => on.showQueue(q));
    return tab;
  });
  const list = h('div', { role: 'tablist', 'aria-label': t('queues') }, ...tabs);
  list.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = QUEUES.indexOf(s.queue) + (e.key === 'ArrowRight' ? 1 : -1);
    const q = QUEUES[(i + QUEUES.length) % QUEUES.length]!;
    on.showQueue(q);
  });
  return h('nav', { 'aria-label': t('queues') }, list);
}

/** The selected queue's cards. */
export function queuePanel(s: ConsoleState, on: QueueViewHandlers, now: number): HTMLElement {
  const me = s.session.moderatorId;
  const cards = s.comments.map((c) => {
    const claim = s.claims.get(c.id);
    const claimedBy = claim && claim.moderatorId !== me && claim.until > now ? moderatorName(s, claim.moderatorId) ?? t('someone') : undefined;
    const ctx: CardContext = {
      selected: c.id === s.selectedId,
      author: c.id === s.selectedId ? s.authors.get(c.author.id) : undefined,
      article: s.articles.get(c.articleId),
      claimedBy,
      now,
      onSelect: () => on.select(c.id),
      onApprove: () => on.approve(c.id),
      onReject: () => on.reject(c.id),
      onBan: () => on.ban(c.id),
      onFeature: () => on.feature(c.id),
    };
    return h('li', {}, commentCard(c, ctx));
  });
  return h(
    'section',
    { id: 'queue-panel', role: 'tabpanel', 'aria-labelledby': `tab-${s.queue}`, 'aria-busy': String(s.loading) },
    s.loading && cards.length === 0
      ? h('p', { class: 'empty' }, t('loading'))
      : cards.length === 0
        ? h('p', { class: 'empty' }, t('empty'))
        : h('ol', { class: 'cards' }, ...cards),
    s.nextCursor ? button(t('more'), on.loadMore, { class: 'more' }) : null,
  );
}
