import { z } from 'zod';

/** Where Akismet answers; overridable for tests and for self-hosted compatible services. */
export const AKISMET_DEFAULT_ENDPOINT = 'https://rest.akismet.com';
/** How long one provider call may take before the comment is decided without it. */
export const PROVIDER_DEFAULT_TIMEOUT_MS = 2000;

const timeoutMs = z.number().int().min(100).max(30_000).default(PROVIDER_DEFAULT_TIMEOUT_MS);

/** Akismet (https://akismet.com/developers/): comment-check, and submit-spam / submit-ham on moderator decisions. */
export const akismetPolicySchema = z
  .object({
    enabled: z.boolean().default(false),
    /** Secret: never logged, redacted from the audit log. */
    apiKey: z.string().min(1).max(200).optional(),
    /** The site's front page URL, as registered with the key (Akismet's `blog`). */
    blogUrl: z.url().max(2000).optional(),
    endpoint: z.url().max(2000).default(AKISMET_DEFAULT_ENDPOINT),
    timeoutMs,
  })
  .strict()
  .refine((a) => !a.enabled || (a.apiKey && a.blogUrl), {
    message: 'an enabled Akismet provider needs apiKey and blogUrl',
  });

/** A classifier the site runs itself: POST {id, siteId, text, lang} → {scores: {toxicity?, spam?, …}}. */
export const httpClassifierPolicySchema = z
  .object({
    enabled: z.boolean().default(false),
    url: z.url().max(2000).optional(),
    timeoutMs,
    /** Sent with every call, e.g. `{"authorization": "Bearer …"}`. Values are secrets: never logged. */
    headers: z.record(z.string().min(1).max(100), z.string().max(4000)).default({}),
  })
  .strict()
  .refine((h) => !h.enabled || h.url, { message: 'an enabled HTTP classifier needs a url' })
  .refine((h) => Object.keys(h.headers).length <= 20, { message: 'at most 20 headers' });

/** Outside classification providers; none is enabled by default. */
export const providersPolicySchema = z
  .object({
    akismet: akismetPolicySchema.optional(),
    http: httpClassifierPolicySchema.optional(),
  })
  .strict()
  .default({});

export type ProvidersPolicy = z.infer<typeof providersPolicySchema>;
export type AkismetPolicy = z.infer<typeof akismetPolicySchema>;
export type HttpClassifierPolicy = z.infer<typeof httpClassifierPolicySchema>;

/** True when the site sends its comments to at least one outside provider. */
export const anyProviderEnabled = (p: ProvidersPolicy): boolean => Boolean(p.akismet?.enabled || p.http?.enabled);

const REDACTED = '[redacted]';

/** The providers policy with its secrets replaced, for the audit log and logs. */
export function redactProviderSecrets(p: ProvidersPolicy): ProvidersPolicy {
  return {
    ...(p.akismet ? { akismet: { ...p.akismet, ...(p.akismet.apiKey ? { apiKey: REDACTED } : {}) } } : {}),
    ...(p.http
      ? { http: { ...p.http, headers: Object.fromEntries(Object.keys(p.http.headers).map((k) => [k, REDACTED])) } }
      : {}),
  };
}

/**
 * A providers patch merged one level deeper than the rest of the policy, so an admin can turn
 * a provider off (`{akismet: {enabled: false}}`) without sending its key again.
 */
export function mergeProviders(
  current: ProvidersPolicy,
  patch: z.input<typeof providersPolicySchema> | undefined,
): z.input<typeof providersPolicySchema> {
  if (!patch) return current;
  return {
    ...current,
    ...(patch.akismet ? { akismet: { ...current.akismet, ...patch.akismet } } : {}),
    ...(patch.http ? { http: { ...current.http, ...patch.http } } : {}),
  };
}
