/**
 * The moderator console (served at /moderate): sign in with a moderator token, then moderate
 * the site's queues live. Built on the SDK's moderator client; mounts on #palabre-console.
 */
import { createModeratorClient } from '../moderator-client.js';
import { startConsole } from './console-app.js';
import { button, h } from './element.js';
import { languageSwitch } from './header-bar.js';
import { detectLang, getLang, setLang, t, type Lang } from './i18n.js';
import { clearSession, loadSession, saveSession, sessionFrom, takeTokenFromHash, type Session } from './session.js';
import { signInForm } from './sign-in.js';
import { resumeStaffSignIn, takeSignInError, type StaffSignIn } from './staff-sign-in.js';
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

const SITE_CHOICE_KEY = 'palabre.console.staff-site';

function mount(root: HTMLElement): void {
  const api = root.dataset.api || location.origin;
  const oidcUrl = root.dataset.oidc === '1' ? `${api}/auth/oidc/login` : undefined;
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
    root.replaceChildren(h('div', { class: 'top' }, languageSwitch(relabel)), signInForm(start, { ...opts, ...(oidcUrl ? { oidcUrl } : {}) }));
    root.querySelector<HTMLInputElement>(opts.token ? '#palabre-site' : '#palabre-token')?.focus();
  };

  function start(session: Session, staff?: StaffSignIn): void {
    if (!staff) saveSession(session); // a sign-in keeps no token: the session cookie brings it back
    startConsole({
      root,
      session,
      client: createModeratorClient({ url: api, token: staff ? staff.token : session.token }),
      onLang: applyLang,
      onSignOut: (error) => {
        clearSession();
        if (staff) void staff.signOut();
        showSignIn(error ? { error } : {});
      },
    });
  }

  /** A sign-in with several sites asks which one first; the choice is remembered for the tab. */
  const startStaff = async (siteId: string | undefined) => {
    const staff = await resumeStaffSignIn(api, siteId, () => showSignIn({ error: t('sessionEnded') }));
    if (!staff) return false;
    const remember = (id: string) => {
      try {
        sessionStorage.setItem(SITE_CHOICE_KEY, id);
      } catch {
        // not kept: asked again after a reload
      }
    };
    if (siteId || staff.sites.length === 1) {
      remember(staff.session.siteId);
      start(staff.session, staff);
      return true;
    }
    staff.stop();
    const pick = (id: string) => () => {
      remember(id);
      void startStaff(id);
    };
    root.replaceChildren(
      h('main', { class: 'sign-in-page' }, h('div', { class: 'sign-in site-choice' }, h('h1', {}, t('chooseSite')),
        ...staff.sites.map((site) => button(site.name, pick(site.siteId), { class: 'primary' })))),
    );
    return true;
  };

  const fromHash = takeTokenFromHash();
  const signInError = takeSignInError();
  const session = fromHash ? sessionFrom(fromHash) : loadSession();
  if (session) return start(session);
  if (fromHash || signInError || !oidcUrl) return showSignIn({ ...(fromHash ? { token: fromHash } : {}), ...(signInError ? { error: t(signInError) } : {}) });
  const asked = new URLSearchParams(location.search).get('site') ?? storedSiteChoice();
  void startStaff(asked ?? undefined).then((started) => started || showSignIn());
}

function storedSiteChoice(): string | null {
  try {
    return sessionStorage.getItem(SITE_CHOICE_KEY);
  } catch {
    return null;
  }
}

const root = document.getElementById('palabre-console');
if (root) mount(root);
