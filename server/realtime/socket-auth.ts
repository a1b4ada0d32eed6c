import type { ExtendedError, Socket } from 'socket.io';
import { errors } from '../../core/errors.js';
import type { Site } from '../../core/sites/site-store.js';
import { authenticate, type Auth, type Credentials } from '../auth/authenticate.js';
import { toPalabreError } from '../http/error-handler.js';
import type { Caller } from '../http/route-spec.js';
import type { ServerDeps } from '../server-deps.js';

/** Longest credentials a handshake may carry; longer ones count as absent. */
const MAX_TOKEN_CHARS = 4096;
const MAX_SITE_KEY_CHARS = 200;

const bounded = (value: unknown, max: number) => (typeof value === 'string' && value.length <= max ? value : undefined);

/** The credentials of a socket handshake: `auth.token` or `auth.siteKey`, and the Origin header. */
export function credentialsOfHandshake(handshake: Socket['handshake']): Credentials {
  const auth = handshake.auth as { token?: unknown; siteKey?: unknown };
  return {
    bearer: bounded(auth.token, MAX_TOKEN_CHARS),
    siteKey: bounded(auth.siteKey, MAX_SITE_KEY_CHARS),
    origin: handshake.headers.origin,
  };
}

/**
 * A namespace middleware that authenticates each handshake with the same function as the HTTP
 * routes, then lets `accept` keep who connected. A refusal reaches the client as connect_error
 * whose message is the error's code (`unauthorized`, `origin_not_allowed`), or `unavailable`
 * when the check itself failed (storage down, a bug), as the SDK expects.
 */
export function socketAuthentication<S extends Socket>(
  deps: ServerDeps,
  auth: Auth,
  accept: (socket: S, who: { caller: Caller; site: Site | undefined }) => void,
) {
  return async (socket: S, next: (err?: ExtendedError) => void): Promise<void> => {
    try {
      accept(socket, await authenticate(deps, auth, credentialsOfHandshake(socket.handshake), undefined));
      next();
    } catch (err) {
      const refused = toPalabreError(err);
      const failure = refused.status < 500 ? refused : errors.unavailable(err);
      if (failure !== refused) deps.log.warn({ err: (err as Error)?.message, code: refused.code }, 'socket authentication failed');
      next(new Error(failure.code));
    }
  };
}
