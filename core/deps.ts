import type { Redis } from 'ioredis';
import type { Logger } from './logger.js';
import type { RedisKeys } from './redis/keys.js';
import type { NewId } from './ids.js';

/** What the stores and services need, passed as one readonly object (never positional). */
export interface CoreDeps {
  readonly redis: Redis;
  readonly keys: RedisKeys;
  readonly log: Logger;
  /** Milliseconds since the epoch; injected so tests control time. */
  readonly now: () => number;
  readonly newId: NewId;
}
