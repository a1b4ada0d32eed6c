import { h } from './element.js';
import { t } from './i18n.js';
import { sessionFrom, tokenNamesSite, type Session } from './session.js';

/**
 * The sign-in form: a moderator token in a password field; for a token that names no site
 * (the admin token), a site id too.
 */
export function signInForm(onSession: (s: Session) => void, opts: { error?: string; token?: string; oidcUrl?: string } = {}): HTMLElement {
  const { error } = opts;
  const token = h('input', { type: 'password', id: 'palabre-token', name: 'token', autocomplete: 'current-password', required: true, spellcheck: 'false' });
  token.value = opts.token ?? '';
  const site = h('input', { type: 'text', id: 'palabre-site', name: 'site', autocomplete: 'off', spellcheck: 'false' });
  const siteRow = h(
    'div',
    { class: 'field', hidden: true },
    h('label', { for: 'palabre-site' }, t('siteLabel')),
    site,
    h('p', { class: 'hint', id: 'palabre-site-hint' }, t('siteHint')),
  );
  site.setAttribute('aria-describedby', 'palabre-site-hint');
  const updateSiteRow = () => {
    const needsSite = token.value.trim() !== '' && !tokenNamesSite(token.value.trim());
    siteRow.hidden = !needsSite;
    site.required = needsSite;
  };
  token.addEventListener('input', updateSiteRow);
  updateSiteRow();
  const form = h(
    'form',
    { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title' }, t('signInTitle')),
    error ? h('p', { class: 'error', role: 'alert' }, error) : null,
    // the newsroom's identity provider first: moderators have an account there, rarely a token
    opts.oidcUrl ? h('a', { class: 'button primary oidc-sign-in', href: opts.oidcUrl }, t('signInWithNewsroom')) : null,
    opts.oidcUrl ? h('p', { class: 'hint' }, t('orToken')) : null,
    h('div', { class: 'field' }, h('label', { for: 'palabre-token' }, t('tokenLabel')), token),
    siteRow,
    h('button', { type: 'submit', class: 'primary' }, t('signIn')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    updateSiteRow();
    const session = sessionFrom(token.value.trim(), site.value);
    if (session) onSession(session);
    else (siteRow.hidden ? token : site).focus();
  });
  return h('main', { class: 'sign-in-page' }, form);
}
