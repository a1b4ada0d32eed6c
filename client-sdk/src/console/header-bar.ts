import { button, h } from './element.js';
import { getLang, t, type Lang } from './i18n.js';
import type { ConsoleState } from './state.js';

export interface HeaderHandlers {
  setLang(lang: Lang): void;
  signOut(): void;
  undo(): void;
  help(): void;
}

/** The language switch, alone: also shown on the sign-in page. */
export function languageSwitch(onChange: (lang: Lang) => void): HTMLElement {
  const select = h(
    'select',
    { id: 'palabre-lang' },
    h('option', { value: 'fr', lang: 'fr', selected: getLang() === 'fr' }, 'Français'),
    h('option', { value: 'en', lang: 'en', selected: getLang() === 'en' }, 'English'),
  );
  select.addEventListener('change', () => onChange(select.value === 'en' ? 'en' : 'fr'));
  return h('div', { class: 'lang' }, h('label', { for: 'palabre-lang' }, t('language')), ' ', select);
}

/** Title, who is online, the connection state, and the console-wide buttons. */
export function headerBar(s: ConsoleState, on: HeaderHandlers): HTMLElement {
  const names = s.presence.map((m) => m.name);
  return h(
    'header',
    { class: 'top' },
    h('h1', {}, t('title')),
    h(
      'p',
      { class: 'presence' },
      `${t('online')} : `,
      names.length ? h('span', { class: 'names' }, names.join(', ')) : t('nobodyOnline'),
    ),
    s.connected !== false ? null : h('p', { class: 'offline', role: 'status' }, t('disconnected')),
    h(
      'div',
      { class: 'tools' },
      button(t('undo'), on.undo, { 'aria-keyshortcuts': 'u' }),
      button(t('help'), on.help, { 'aria-keyshortcuts': '?' }),
      languageSwitch(on.setLang),
      button(t('signOut'), on.signOut, { class: 'sign-out' }),
    ),
  );
}
