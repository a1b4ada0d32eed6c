import type { Config } from '../core/config.js';
import type { CoreDeps } from '../core/deps.js';
import type { TokenSigner } from '../core/moderators/moderator-store.js';
import type { WriteLimits } from './http/write-limits.js';

/** Everything a route or socket handler needs, as one readonly object. */
export interface ServerDeps extends CoreDeps {
  readonly config: Config;
  readonly signer: TokenSigner;
  readonly writeLimits: WriteLimits;
}
