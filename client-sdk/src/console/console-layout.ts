import { button, h } from './element.js';
import { headerBar, type HeaderHandlers } from './header-bar.js';
import { t } from './i18n.js';
import { queuePanel, queueTabs, type QueueViewHandlers } from './queue-view.js';
import type { ConsoleState, Notice } from './state.js';
import { attackBanner } from './attack-banner.js';
import { waveList, type WaveHandlers } from './wave-list.js';

/**
 * The signed-in page: header, queue tabs, and a main region with the notice, the arrivals
 * line and the cards. The live regions stay in the page (screen readers only announce
 * changes to regions that already exist); everything else is redrawn from the state.
 */
export function consoleLayout(
  root: HTMLElement,
  on: { header: HeaderHandlers; queue: QueueViewHandlers; waves: WaveHandlers; dismissNotice(): void },
) {
  const headerSlot = h('div');
  const navSlot = h('div');
  const noticeSlot = h('div', { class: 'notice-slot', role: 'status', 'aria-live': 'polite' });
  const arrivals = h('p', { class: 'arrivals', role: 'status', 'aria-live': 'polite' });
  // the attack banner is a live region of its own, so its start is announced
  const bannerSlot = h('div', { class: 'banner-slot', role: 'alert' });
  const wavesSlot = h('div');
  const listSlot = h('div');
  let shownAttack: ConsoleState['attack'] | undefined;
  let shownNotice: Notice | null = null;
  let scrolledTo: string | null = null;
  root.replaceChildren(headerSlot, bannerSlot, navSlot, h('main', { id: 'palabre-main' }, noticeSlot, arrivals, wavesSlot, listSlot));

  return function render(s: ConsoleState, now: number): void {
    const focusedId = document.activeElement?.id;
    headerSlot.replaceChildren(headerBar(s, on.header));
    navSlot.replaceChildren(queueTabs(s, on.queue));
    if (s.attack !== shownAttack) {
      shownAttack = s.attack;
      bannerSlot.replaceChildren(attackBanner(s.attack, (id) => s.articles.get(id)?.title ?? id));
    }
    wavesSlot.replaceChildren(waveList(s, on.waves));
    if (s.notice !== shownNotice) {
      shownNotice = s.notice;
      noticeSlot.replaceChildren(
        s.notice
          ? h('div', { class: `notice ${s.notice.kind}` }, h('span', {}, s.notice.text), ' ',
              button('×', on.dismissNotice, { 'aria-label': t('close'), class: 'dismiss' }))
          : '',
      );
    }
    const arrived = s.arrivals > 0 ? t('newArrivals', { count: s.arrivals }) : '';
    if (arrivals.textContent !== arrived) arrivals.textContent = arrived;
    listSlot.replaceChildren(queuePanel(s, on.queue, now));
    // redrawing replaced the focused tab or button: put the focus back on its successor
    if (focusedId) document.getElementById(focusedId)?.focus();
    if (s.selectedId && s.selectedId !== scrolledTo) {
      scrolledTo = s.selectedId;
      root.querySelector(`[data-comment-id="${CSS.escape(s.selectedId)}"]`)?.scrollIntoView({ block: 'nearest' });
    }
  };
}
