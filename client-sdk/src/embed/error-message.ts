import { isHttpError, isNetworkError } from '../errors.js';
import type { Strings } from './i18n.js';

/** The reader-facing sentence for an error thrown by the SDK. */
export function errorMessage(err: unknown, t: Strings): string {
  if (isNetworkError(err)) return t.network;
  if (isHttpError(err)) {
    switch (err.code) {
      case 'rate_limited':
        return t.rateLimited(Math.max(1, Math.ceil(err.retryAfter ?? 60)));
      case 'validation_failed':
        return t.validation;
      case 'invalid_parent':
        return t.parentGone;
      case 'article_closed':
        return t.closed;
      case 'invalid_sso_token':
        return t.ssoInvalid;
      case 'forbidden':
      case 'origin_not_allowed':
      case 'unauthorized':
        return t.forbidden;
      default:
        return err.status >= 500 ? t.network : t.generic(err.code);
    }
  }
  return t.generic('unknown');
}
