/** Where the moderator token comes from and where it is kept for the tab's lifetime. */
const TOKEN_KEY = 'palabre.console.token';
const SITE_KEY = 'palabre.console.site';

export interface Session {
  token: string;
  siteId: string;
  /** The moderator's own id (`sub` of the token), or `admin` for the admin token. */
  moderatorId: string;
}

/** Payload of a moderator JWT (not verified: the server does that); null for the admin token. */
export function tokenClaims(token: string): { sid?: string; sub?: string } | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const payload = JSON.parse(json) as unknown;
    return typeof payload === 'object' && payload !== null ? (payload as { sid?: string; sub?: string }) : null;
  } catch {
    return null;
  }
}

/** A session from a token, and a site id typed by the user when the token names none. */
export function sessionFrom(token: string, typedSiteId?: string): Session | null {
  const claims = tokenClaims(token);
  const siteId = typeof claims?.sid === 'string' ? claims.sid : typedSiteId?.trim();
  if (!siteId) return null;
  return { token, siteId, moderatorId: typeof claims?.sub === 'string' ? claims.sub : 'admin' };
}

/**
 * A `#token=…` in the address is read once and removed at once, so it does not stay in the
 * history, bookmarks or screenshots.
 */
export const takeTokenFromHash = (): string | null => takeHashParam('token');

/** Reads a `#name=value` parameter of the address once and removes it from the address at once. */
export function takeHashParam(name: string): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const value = params.get(name);
  if (!value) return null;
  params.delete(name);
  const rest = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  return value;
}

export function saveSession(s: Session): void {
  try {
    sessionStorage.setItem(TOKEN_KEY, s.token);
    sessionStorage.setItem(SITE_KEY, s.siteId);
  } catch {
    // storage blocked: the session lasts until reload
  }
}

export function loadSession(): Session | null {
  try {
    const token = sessionStorage.getItem(TOKEN_KEY);
    return token ? sessionFrom(token, sessionStorage.getItem(SITE_KEY) ?? undefined) : null;
  } catch {
    return null;
  }
}

export function clearSession(): void {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(SITE_KEY);
  } catch {
    // nothing kept
  }
}

/** Whether a token is a moderator JWT that names its site (else ask for a site id). */
export const tokenNamesSite = (token: string): boolean => typeof tokenClaims(token)?.sid === 'string';
