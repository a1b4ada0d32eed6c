/**
 * The moderator console (served at /moderate and its pages): sign in with the newsroom's account
 * or a moderator token, then moderate the site live. Built on the SDK's moderator client and
 * Preact; mounts on #palabre-console.
 */
import { render } from 'preact';
import { createModeratorClient } from '../moderator-client.js';
import { startConsole } from './console-app.js';
import { detectLang, getLang, setLang, t, type Lang } from './i18n.js';
import { clearSession, loadSession, saveSession, sessionFrom, takeTokenFromHash, type Session } from './session.js';
import { SignInPage, SiteChoice } from './sign-in.js';
import { resumeStaffSignIn, takeSignInError, type StaffSignIn } from './staff-sign-in.js';
import { CONSOLE_CSS } from './styles.js';

const LANG_KEY = 'palabre.console.lang';
const SITE_CHOICE_KEY = 'palabre.console.staff-site';

function stored(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}
function store(storage: () => Storage, key: string, value: string): void {
  try {
    storage().setItem(key, value);
  } catch {
    // not kept: asked again (or the browser's language) next time
  }
}

/** The moderator's own choice of language, remembered in this browser. */
function applyLang(lang: Lang): void {
  setLang(lang);
  document.documentElement.lang = lang;
  store(() => localStorage, LANG_KEY, lang);
}

function mount(root: HTMLElement): void {
  const api = root.dataset.api || location.origin;
  const oidcUrl = root.dataset.oidc === '1' ? `${api}/auth/oidc/login` : undefined;
  const savedLang = stored(() => localStorage, LANG_KEY);
  setLang(savedLang === 'fr' || savedLang === 'en' ? savedLang : detectLang(navigator.language));
  document.documentElement.lang = getLang();
  const style = document.createElement('style');
  style.textContent = CONSOLE_CSS;
  document.head.appendChild(style);

  const showSignIn = (opts: { error?: string; token?: string } = {}) => {
    const relabel = (lang: Lang) => {
      applyLang(lang);
      // keep what was typed; the error was in the other language
      const token = root.querySelector<HTMLInputElement>('#palabre-token')?.value;
      showSignIn(token ? { token } : {});
    };
    render(null, root);
    render(<SignInPage onSession={(session) => start(session)} onLang={relabel} error={opts.error} token={opts.token} oidcUrl={oidcUrl} />, root);
    root.querySelector<HTMLInputElement>(opts.token ? '#palabre-site' : '#palabre-token')?.focus();
  };

  function start(session: Session, staff?: StaffSignIn): void {
    if (!staff) saveSession(session); // a sign-in keeps no token: the session cookie brings it back
    render(null, root);
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
  const startStaff = async (siteId: string | undefined): Promise<boolean> => {
    const staff = await resumeStaffSignIn(api, siteId, () => showSignIn({ error: t('sessionEnded') }));
    if (!staff) return false;
    if (siteId || staff.sites.length === 1) {
      store(() => sessionStorage, SITE_CHOICE_KEY, staff.session.siteId);
      start(staff.session, staff);
      return true;
    }
    staff.stop();
    render(
      <SiteChoice
        sites={staff.sites}
        onPick={(id) => {
          store(() => sessionStorage, SITE_CHOICE_KEY, id);
          void startStaff(id);
        }}
      />,
      root,
    );
    return true;
  };

  const fromHash = takeTokenFromHash();
  const signInError = takeSignInError();
  const session = fromHash ? sessionFrom(fromHash) : loadSession();
  if (session) return start(session);
  if (fromHash || signInError || !oidcUrl) return showSignIn({ ...(fromHash ? { token: fromHash } : {}), ...(signInError ? { error: t(signInError) } : {}) });
  const asked = new URLSearchParams(location.search).get('site') ?? stored(() => sessionStorage, SITE_CHOICE_KEY);
  void startStaff(asked ?? undefined).then((started) => started || showSignIn());
}

const root = document.getElementById('palabre-console');
if (root) mount(root);
