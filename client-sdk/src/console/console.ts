/**
 * The moderator console (served at /moderate): sign in with a moderator token, then moderate
 * the site's queues live. Built on the SDK's moderator client; mounts on #palabre-console.
 */
import { createModeratorClient } from '../moderator-client.js';
import { startConsole } from './console-app.js';
import { h } from './element.js';
import { languageSwitch } from './header-bar.js';
import { detectLang, getLang, setLang, type Lang } from './i18n.js';
import { clearSession, loadSession, saveSession, sessionFrom, takeTokenFromHash, type Session } from './session.js';
import { signInForm } from './sign-in.js';
import { CONSOLE_CSS } from './styles.js';

const LANG_KEY = 'palabre.console.lang';

function savedLang(): Lang | null {
  try {
    const v = localStorage.getItem(LANG_KEY);
    return v === 'fr' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

function applyLang(lang: Lang): void {
  setLang(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // not kept: the browser language applies next time
  }
}

function mount(root: HTMLElement): void {
  const api = root.dataset.api || location.origin;
  setLang(savedLang() ?? detectLang(navigator.language));
  document.documentElement.lang = getLang();
  document.head.appendChild(h('style', {}, CONSOLE_CSS));

  const showSignIn = (opts: { error?: string; token?: string } = {}) => {
    const relabel = (lang: Lang) => {
      applyLang(lang);
      // keep what was typed; the error was in the other language
      const token = root.querySelector<HTMLInputElement>('#palabre-token')?.value;
      showSignIn(token ? { token } : {});
    };
    root.replaceChildren(h('div', { class: 'top' }, languageSwitch(relabel)), signInForm(start, opts));
    root.querySelector<HTMLInputElement>(opts.token ? '#palabre-site' : '#palabre-token')?.focus();
  };

  function start(session: Session): void {
    saveSession(session);
    startConsole({
      root,
      session,
      client: createModeratorClient({ url: api, token: session.token }),
      onLang: applyLang,
      onSignOut: (error) => {
        clearSession();
        showSignIn(error ? { error } : {});
      },
    });
  }

  const fromHash = takeTokenFromHash();
  const session = fromHash ? sessionFrom(fromHash) : loadSession();
  if (session) start(session);
  else showSignIn(fromHash ? { token: fromHash } : {});
}

const root = document.getElementById('palabre-console');
if (root) mount(root);
