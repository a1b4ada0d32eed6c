import { useState } from 'preact/hooks';
import { t, type Lang } from './i18n.js';
import { LanguageSwitch } from './language-switch.js';
import { sessionFrom, tokenNamesSite, type Session } from './session.js';
import type { StaffSite } from './staff-sign-in.js';

export interface SignInProps {
  onSession(session: Session): void;
  onLang(lang: Lang): void;
  error?: string | undefined;
  /** A token already typed (kept across a change of language), or read from `#token=`. */
  token?: string | undefined;
  /** The sign-in with the newsroom's OpenID provider, when the server offers it. */
  oidcUrl?: string | undefined;
}

/**
 * The sign-in form: a moderator token in a password field; for a token that names no site
 * (the admin token), a site id too.
 */
export function SignInPage(props: SignInProps) {
  const [token, setToken] = useState(props.token ?? '');
  const [site, setSite] = useState('');
  const needsSite = token.trim() !== '' && !tokenNamesSite(token.trim());
  const onSubmit = (e: Event) => {
    e.preventDefault();
    const session = sessionFrom(token.trim(), site);
    if (session) props.onSession(session);
    else document.getElementById(needsSite ? 'palabre-site' : 'palabre-token')?.focus();
  };
  return (
    <>
      <div class="top">
        <LanguageSwitch onChange={props.onLang} />
      </div>
      <main class="sign-in-page">
        <form class="sign-in" aria-labelledby="sign-in-title" onSubmit={onSubmit}>
          <h1 id="sign-in-title">{t('signInTitle')}</h1>
          {props.error ? (
            <p class="error" role="alert">
              {props.error}
            </p>
          ) : null}
          {/* the newsroom's identity provider first: moderators have an account there, rarely a token */}
          {props.oidcUrl ? (
            <>
              <a class="button primary oidc-sign-in" href={props.oidcUrl}>
                {t('signInWithNewsroom')}
              </a>
              <p class="hint">{t('orToken')}</p>
            </>
          ) : null}
          <div class="field">
            <label for="palabre-token">{t('tokenLabel')}</label>
            <input
              type="password"
              id="palabre-token"
              name="token"
              autoComplete="current-password"
              required
              spellcheck={false}
              value={token}
              onInput={(e) => setToken(e.currentTarget.value)}
            />
          </div>
          <div class="field" hidden={!needsSite}>
            <label for="palabre-site">{t('siteLabel')}</label>
            <input
              type="text"
              id="palabre-site"
              name="site"
              autoComplete="off"
              spellcheck={false}
              required={needsSite}
              aria-describedby="palabre-site-hint"
              value={site}
              onInput={(e) => setSite(e.currentTarget.value)}
            />
            <p class="hint" id="palabre-site-hint">
              {t('siteHint')}
            </p>
          </div>
          <button type="submit" class="primary">
            {t('signIn')}
          </button>
        </form>
      </main>
    </>
  );
}

/** A sign-in with several sites asks which one to moderate. */
export function SiteChoice(props: { sites: StaffSite[]; onPick(siteId: string): void }) {
  return (
    <main class="sign-in-page">
      <div class="sign-in site-choice">
        <h1>{t('chooseSite')}</h1>
        {props.sites.map((site) => (
          <button type="button" class="primary" key={site.siteId} onClick={() => props.onPick(site.siteId)}>
            {site.name}
          </button>
        ))}
      </div>
    </main>
  );
}
