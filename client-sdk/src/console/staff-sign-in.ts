import type { MessageKey } from './i18n.js';
import { takeHashParam, type Session } from './session.js';

/** A site the signed-in person moderates. */
export interface StaffSite {
  siteId: string;
  name: string;
  role: 'moderator' | 'admin';
}

/**
 * A moderator signed in with the newsroom's account: the access token is short-lived and kept
 * in memory only; the HttpOnly session cookie (which the page cannot read) gets a new one
 * before it ends. Reloading the page signs in again from the cookie.
 */
export interface StaffSignIn {
  session: Session;
  sites: StaffSite[];
  /** The current access token. */
  token(): string;
  /** Ends the sign-in on the server (its sockets close too). */
  signOut(): Promise<void>;
  /** Stops refreshing (the console closes). */
  stop(): void;
}

interface SessionAnswer {
  accessToken: string;
  expiresAt: string;
  siteId: string;
  moderator: { id: string };
  sites: StaffSite[];
}

const SESSION_PATH = '/api/v1/auth/session';

async function refresh(api: string, siteId: string | undefined): Promise<SessionAnswer | { code: string }> {
  const res = await fetch(`${api}${SESSION_PATH}/refresh`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(siteId ? { siteId } : {}),
  });
  const body = (await res.json().catch(() => ({}))) as SessionAnswer & { error?: { code: string } };
  return res.ok ? body : { code: body.error?.code ?? 'session_expired' };
}

/**
 * Resumes a sign-in from the session cookie, for `siteId` or the person's first site; null
 * when there is none (the sign-in form shows). `onEnded` runs when a later refresh is refused:
 * signed out elsewhere, revoked, or past the sign-in's maximum age.
 */
export async function resumeStaffSignIn(api: string, siteId: string | undefined, onEnded: () => void): Promise<StaffSignIn | null> {
  let answer = await refresh(api, siteId);
  // the site remembered from last time may be gone: fall back to the first one
  if ('code' in answer && answer.code === 'no_site_access' && siteId) answer = await refresh(api, undefined);
  if ('code' in answer) return null;
  let current = answer;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    // at four fifths of its life, so a slow answer never leaves the console without a token
    const ms = Math.max(5_000, (Date.parse(current.expiresAt) - Date.now()) * 0.8);
    timer = setTimeout(() => {
      void refresh(api, current.siteId).then((next) => {
        if ('code' in next) return onEnded();
        current = next;
        schedule();
      }, schedule);
    }, ms);
  };
  schedule();
  return {
    session: { token: current.accessToken, siteId: current.siteId, moderatorId: current.moderator.id },
    sites: current.sites,
    token: () => current.accessToken,
    async signOut() {
      clearTimeout(timer);
      await fetch(`${api}${SESSION_PATH}/sign-out`, { method: 'POST', credentials: 'same-origin' }).catch(() => {});
    },
    stop: () => clearTimeout(timer),
  };
}

const SIGN_IN_ERRORS: Record<string, MessageKey> = {
  no_site_access: 'signinNoSiteAccess',
  provider_refused: 'signinProviderRefused',
  login_expired: 'signinLoginExpired',
};

/**
 * The error the sign-in round trip came back with (`#signin-error=<code>`), read once and
 * removed from the address.
 */
export function takeSignInError(): MessageKey | null {
  const code = takeHashParam('signin-error');
  return code ? (SIGN_IN_ERRORS[code] ?? 'signinProviderRefused') : null;
}
