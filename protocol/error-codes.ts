/**
 * Every error code of the API: REST error bodies, failed socket acknowledgements and socket
 * connect errors (types and constants only). docs/api.md says when each is given.
 */
import { isOneOf } from './is-one-of.js';

export const ERROR_CODES = [
  'validation_failed',
  'invalid_json',
  'invalid_parent',
  'bad_request',
  'unauthorized',
  'invalid_sso_token',
  'forbidden',
  /** A write needs a solved proof of work (flood signal, or policy `challenge: "always"`); `details` carries the challenge. */
  'challenge_required',
  /** The solution is malformed, wrong, or for another site; `details` carries a fresh challenge. */
  'challenge_invalid',
  /** The challenge is past its expiry; `details` carries a fresh one. */
  'challenge_expired',
  /** The solution was already used once; `details` carries a fresh challenge. */
  'challenge_replayed',
  'origin_not_allowed',
  'not_comment_author',
  'site_not_found',
  'comment_not_found',
  'moderator_not_found',
  'author_not_found',
  'article_not_found',
  'note_not_found',
  'not_found',
  'conflict',
  'undo_unavailable',
  'article_closed',
  'already_claimed',
  'comment_not_approved',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal_error',
  'storage_unavailable',
  'storage_full',
  /** DURABILITY=replica: no Redis replica confirmed a new comment in time. */
  'durability_unavailable',
  /** The session routes without a valid sign-in with the OpenID provider. */
  'session_expired',
  /** An API token whose scope (read-only, moderate) does not allow the action. */
  'insufficient_scope',
  /** A sign-in that gives access to no site, or not to the one asked for. */
  'no_site_access',
  /** A sign-in route while OIDC_ISSUER is not set. */
  'oidc_disabled',
  'moderation_queue_stuck',
  'workers_stopped',
  /** A socket's connect error when the server cannot check its credentials (storage down, a bug). */
  'unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export const isErrorCode = (s: unknown): s is ErrorCode => isOneOf(ERROR_CODES, s);

/** The body of every REST error. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    /** Safe to show a person; never a secret or a stack. */
    message: string;
    details?: unknown;
  };
}
