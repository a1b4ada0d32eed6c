import * as client from 'openid-client';
import type { Config } from '../../../core/config.js';
import type { Logger } from '../../../core/logger.js';
import type { StaffClaims } from '../../../core/sites/staff-sign-in.js';

/** Who signed in, as the provider says: its ID token merged with its UserInfo answer. */
export interface StaffIdentity extends StaffClaims {
  issuer: string;
  subject: string;
  name: string;
}

/** What a sign-in keeps between the redirect to the provider and its return. */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Palabre as a client of the newsroom's OpenID provider (authorization code flow with PKCE). */
export interface OidcClient {
  readonly issuer: string;
  /** Where to send the browser, and what the callback must find again. */
  startLogin(): Promise<{ url: URL; pending: PendingLogin }>;
  /** Exchanges the callback's code; checks state, nonce and the ID token. */
  finishLogin(callbackUrl: URL, pending: PendingLogin): Promise<{ identity: StaffIdentity; refreshToken?: string }>;
  /** Asks the provider again (refresh token grant); throws when it refuses: the user was disabled or signed out there. */
  refresh(refreshToken: string): Promise<{ refreshToken?: string }>;
}

/** Thrown at boot when the provider cannot be discovered; the message names OIDC_ISSUER. */
export class OidcSetupError extends Error {
  override readonly name = 'OidcSetupError';
}

const DISCOVERY_ATTEMPTS = 3;

// plain HTTP only for a provider on this machine (development, tests); anything else must be HTTPS
const isLoopback = (url: URL) => url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/**
 * Discovers the provider (its /.well-known/openid-configuration), retrying for a few seconds,
 * then gives up with one clear error: a wrong OIDC_ISSUER must stop the boot, not the first sign-in.
 */
export async function discoverOidc(config: Config, log: Logger): Promise<OidcClient | undefined> {
  if (!config.OIDC_ISSUER) return undefined;
  const issuer = new URL(config.OIDC_ISSUER);
  if (issuer.protocol !== 'https:' && !isLoopback(issuer)) {
    throw new OidcSetupError(`OIDC_ISSUER must use https:// (${issuer.origin} is neither https nor this machine)`);
  }
  let configuration: client.Configuration | undefined;
  let lastError: unknown;
  for (let attempt = 1; attempt <= DISCOVERY_ATTEMPTS && !configuration; attempt++) {
    try {
      configuration = await client.discovery(issuer, config.OIDC_CLIENT_ID!, undefined, client.ClientSecretPost(config.OIDC_CLIENT_SECRET!), {
        ...(isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
        timeout: 5,
      });
    } catch (err) {
      lastError = err;
      log.warn({ err: (err as Error).message, attempt }, 'OpenID provider discovery failed');
      if (attempt < DISCOVERY_ATTEMPTS) await new Promise((r) => setTimeout(r, 1000 * attempt));
    }
  }
  if (!configuration) {
    throw new OidcSetupError(
      `Cannot use the OpenID provider at OIDC_ISSUER=${issuer.href}: ${(lastError as Error).message} ` +
        `(${issuer.href.replace(/\/$/, '')}/.well-known/openid-configuration must answer)`,
    );
  }
  return oidcClient(configuration, config);
}

function oidcClient(configuration: client.Configuration, config: Config): OidcClient {
  const issuer = configuration.serverMetadata().issuer;
  const groupsClaim = config.OIDC_GROUPS_CLAIM;
  return {
    issuer,
    async startLogin() {
      const pending: PendingLogin = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
      const url = client.buildAuthorizationUrl(configuration, {
        redirect_uri: config.OIDC_REDIRECT_URI!,
        scope: config.OIDC_SCOPES,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url, pending };
    },
    async finishLogin(callbackUrl, pending) {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims()!;
      // many providers put e-mail and groups in UserInfo only (or only when asked by the claims parameter)
      const info = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub).catch(() => ({}) as Record<string, unknown>);
      const claims: Record<string, unknown> = { ...info, ...idToken };
      const groups = claims[groupsClaim];
      const email = typeof claims.email === 'string' ? claims.email : undefined;
      return {
        identity: {
          issuer,
          subject: idToken.sub,
          name: String(claims.name ?? claims.preferred_username ?? email ?? idToken.sub).slice(0, 120),
          ...(email ? { email } : {}),
          emailVerified: claims.email_verified === true || claims.email_verified === 'true',
          groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
        },
        ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}),
      };
    },
    async refresh(refreshToken) {
      const tokens = await client.refreshTokenGrant(configuration, refreshToken);
      return tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {};
    },
  };
}
