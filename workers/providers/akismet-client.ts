import type { AkismetPolicy } from '../../core/sites/provider-policy.js';
import { ProviderError } from './provider-error.js';
import { providerFetch, readText } from './provider-fetch.js';
import type { CommentLanguage } from '../../protocol/language.js';

/**
 * Akismet REST API 1.1 (https://akismet.com/developers/detailed-docs/):
 * - POST `{endpoint}/1.1/comment-check`, `application/x-www-form-urlencoded`, fields `api_key`,
 *   `blog`, `user_ip`, `comment_type`, `comment_author`, `comment_content`, `blog_lang`, … →
 *   body `true` (spam) or `false` (ham); header `X-akismet-pro-tip: discard` marks blatant spam
 *   that need not be reviewed; on a bad call the body is `invalid` and `X-akismet-debug-help`
 *   says why.
 * - POST `/1.1/submit-spam` (a missed spam) and `/1.1/submit-ham` (a false positive), same
 *   fields → `Thanks for making the web a better place.`
 */
export const AKISMET_API_VERSION = '1.1';

export type AkismetVerdict = 'ham' | 'spam' | 'discard';

export interface AkismetComment {
  body: string;
  authorName: string;
  lang: CommentLanguage;
  createdAt: string;
}

/**
 * Akismet requires `user_ip`, but Palabre never keeps a reader's address in clear (only
 * digests) and the worker runs long after the request. We send this unroutable placeholder:
 * Akismet then judges on content and author, and no fake address earns a spam reputation.
 */
export const AKISMET_PLACEHOLDER_IP = '0.0.0.0';

function form(policy: AkismetPolicy, c: AkismetComment): URLSearchParams {
  const f = new URLSearchParams({
    api_key: policy.apiKey ?? '',
    blog: policy.blogUrl ?? '',
    user_ip: AKISMET_PLACEHOLDER_IP,
    comment_type: 'comment',
    comment_author: c.authorName,
    comment_content: c.body,
    comment_date_gmt: c.createdAt,
    blog_charset: 'UTF-8',
  });
  if (c.lang !== 'other') f.set('blog_lang', c.lang);
  return f;
}

async function post(policy: AkismetPolicy, method: string, c: AkismetComment): Promise<{ res: Response; body: string }> {
  const url = `${policy.endpoint.replace(/\/+$/, '')}/${AKISMET_API_VERSION}/${method}`;
  const res = await providerFetch(
    url,
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form(policy, c) },
    policy.timeoutMs,
  );
  const body = (await readText(res, policy.timeoutMs)).trim();
  const help = res.headers.get('x-akismet-debug-help');
  if (!res.ok || body === 'invalid' || help) {
    throw new ProviderError(`${method} answered HTTP ${res.status}${help ? `: ${help.slice(0, 200)}` : ''}`);
  }
  return { res, body };
}

/** Asks Akismet whether a comment is spam. */
export async function akismetCommentCheck(policy: AkismetPolicy, c: AkismetComment): Promise<AkismetVerdict> {
  const { res, body } = await post(policy, 'comment-check', c);
  if (body === 'false') return 'ham';
  if (body === 'true') return res.headers.get('x-akismet-pro-tip') === 'discard' ? 'discard' : 'spam';
  throw new ProviderError(`comment-check answered "${body.slice(0, 40)}" instead of true or false`);
}

/** Tells Akismet it was wrong: `spam` for a spam it missed, `ham` for a false positive. */
export async function akismetSubmit(policy: AkismetPolicy, c: AkismetComment, verdict: 'spam' | 'ham'): Promise<void> {
  await post(policy, verdict === 'spam' ? 'submit-spam' : 'submit-ham', c);
}
