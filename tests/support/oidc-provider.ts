import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './private-redis.js';

/** A user of the test's identity provider, as the newsroom's IdP would describe them. */
export interface IdpUser {
  name: string;
  email: string;
  emailVerified?: boolean;
  groups?: string[];
  /** Disabled at the provider: its refresh tokens stop working (findAccount finds nobody). */
  disabled?: boolean;
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  users: Map<string, IdpUser>;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (the certified `oidc-provider` package) on a loopback port, with its
 * built-in login and consent pages (any password; the login is the user's key in `users`),
 * one confidential client for Palabre, PKCE required, refresh tokens issued, and a `groups`
 * scope that releases a `groups` claim.
 */
export async function startTestIdp(opts: { redirectUri: string; host?: string }): Promise<TestIdp> {
  const port = await freePort();
  const issuer = `http://${opts.host ?? 'localhost'}:${port}`;
  const clientId = 'palabre-test';
  const clientSecret = 'palabre-test-client-secret-0123456789';
  const users = new Map<string, IdpUser>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    async findAccount(_ctx, id) {
      const user = users.get(id);
      if (!user || user.disabled) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, name: user.name, email: user.email, email_verified: user.emailVerified ?? true, groups: user.groups ?? [] }),
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups', 'offline_access'],
    // refresh tokens without offline_access, so Palabre's refresh asks the provider every time
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    pkce: { required: () => true },
    cookies: { keys: ['test-idp-cookie-key-0123456789'] },
    features: { devInteractions: { enabled: true } },
  });
  provider.on('server_error', (_ctx: unknown, err: Error) => console.error('test IdP server_error', err));
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    users,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
