import { encodeTime, monotonicFactory, ulid as ulidAt } from 'ulid';
import { createHash, randomBytes } from 'node:crypto';

// ulid's default source reads the OS for every random character (16 calls per id); draw
// from a buffer of secure random bytes refilled 4 KiB at a time instead
let pool = randomBytes(4096);
let offset = 0;
const bufferedRandom = (): number => {
  if (offset >= pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  return pool[offset++]! / 256;
};
const ulid = monotonicFactory(bufferedRandom);

/** Time-ordered, lexicographically sortable id (ULID). Sorting ids sorts by creation time. */
export type NewId = () => string;
export const newId: NewId = () => ulid();
/** An id made at another time than now: an imported comment's, so it sorts by when it was written. */
export const idAt = (ms: number): string => ulidAt(Math.max(0, Math.floor(ms)), bufferedRandom);

/** A random secret, URL-safe, with a readable prefix telling what it is (`pk_`, `sso_`, …). */
export const newSecret = (prefix: string, bytes = 24): string =>
  `${prefix}${randomBytes(bytes).toString('base64url')}`;

/** Short stable digest, for keys derived from client-chosen strings (never store those raw in key names). */
export const digest = (...parts: string[]): string =>
  createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22);

/** The smallest id that could have been made at `ms`: ids below it are older. */
export const idFloorAt = (ms: number): string => encodeTime(Math.max(0, Math.floor(ms)), 10);
