import { z } from 'zod';
import { errors } from '../errors.js';

/** The site-wide alerts: a queue, a surge or an attack needs people. A webhook gets them all unless it says otherwise. */
export const SITE_ALERT_TYPES = ['queue.over', 'held.too_old', 'surge.started', 'surge.ended', 'attack.started', 'attack.ended'] as const;
/**
 * One comment's events: held by the checks (or by its readers' reports), reported by a reader,
 * or a severe harm at or above the site's hold threshold. Sent only to webhooks that name them.
 */
export const COMMENT_EVENT_TYPES = ['comment.held', 'comment.reported', 'comment.severe'] as const;
/** Everything a webhook can subscribe to. */
export const ALERT_TYPES = [...SITE_ALERT_TYPES, ...COMMENT_EVENT_TYPES] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

/** The body a receiver gets: Palabre's JSON, or a message Slack's or Discord's incoming webhooks post as it is. */
export const WEBHOOK_FORMATS = ['json', 'slack', 'discord'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];
/** `standard`: the Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature); `palabre`: X-Palabre-Signature. */
export const WEBHOOK_SIGNATURES = ['standard', 'palabre'] as const;


/** How long one delivery attempt may take before it counts as failed and is retried. */
export const WEBHOOK_DEFAULT_TIMEOUT_MS = 5000;

/** A receiver URL: http or https only, no user:password (it would end up in logs). */
export const webhookUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine((u) => {
    const url = new URL(u);
    return !url.username && !url.password;
  }, 'a webhook URL carries no credentials; use the secret to authenticate deliveries');

/** One receiver of a site's alerts. */
export const webhookSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Required to deliver; optional here only so a patch can change one field of a stored webhook. */
    url: webhookUrlSchema.optional(),
    /**
     * Signs every delivery. Secret: redacted from the audit log. Required for the `json` format.
     * `whsec_<base64>` (as Standard Webhooks libraries make them) signs with its bytes; any other as raw text.
     */
    secret: z.string().min(16).max(200).optional(),
    /** The alerts and comment events sent to this receiver; the six site alerts by default. */
    events: z.array(z.enum(ALERT_TYPES)).min(1).max(ALERT_TYPES.length).default([...SITE_ALERT_TYPES]),
    timeoutMs: z.number().int().min(100).max(30_000).default(WEBHOOK_DEFAULT_TIMEOUT_MS),
    /** `json`: Palabre's payload; `slack` / `discord`: a message for their incoming webhooks (their URL is the secret). */
    format: z.enum(WEBHOOK_FORMATS).default('json'),
    /** The signatures every delivery carries: both by default, so receivers of either kind verify it. */
    signatures: z.array(z.enum(WEBHOOK_SIGNATURES)).min(1).max(2).default(['standard', 'palabre']),
    /** The language of a Slack or Discord message. */
    lang: z.enum(['fr', 'en']).default('fr'),
  })
  .strict();

/**
 * A site's alerts: receivers by name (`null` in a patch removes one) and the thresholds the
 * workers watch. A threshold left out (or `null`) is not watched.
 */
export const alertsPolicySchema = z
  .object({
    webhooks: z
      .record(z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'a webhook name is 1-40 letters, digits, - or _'), webhookSchema.nullable())
      .default({})
      .refine((w) => Object.keys(w).length <= 10, { message: 'at most 10 webhooks' }),
    /** Alert when pending + held comments reach this many; `null` stops watching. */
    queueOver: z.number().int().min(1).max(1_000_000).nullable().optional(),
    /** Alert when the oldest held comment has waited this many minutes; `null` stops watching. */
    heldOlderThanMinutes: z.number().int().min(1).max(10_080).nullable().optional(),
    /** After an alert of one type, the same type is not sent again for this long. */
    cooldownMinutes: z.number().int().min(1).max(1440).default(30),
  })
  .strict()
  .default({ webhooks: {}, cooldownMinutes: 30 });

export type AlertsPolicy = z.infer<typeof alertsPolicySchema>;
export type Webhook = z.infer<typeof webhookSchema>;
export type AlertsPolicyInput = z.input<typeof alertsPolicySchema>;

const REDACTED = '[redacted]';

/** The alerts policy with webhook secrets replaced, for the audit log and logs. */
export function redactWebhookSecrets(a: AlertsPolicy): AlertsPolicy {
  return {
    ...a,
    webhooks: Object.fromEntries(Object.entries(a.webhooks).map(([name, w]) => [name, w && (w.secret ? { ...w, secret: REDACTED } : w)])),
  };
}

/**
 * An alerts patch merged per webhook, so an admin can turn one off (`{webhooks: {desk: {enabled: false}}}`)
 * without sending its secret again; `null` removes a webhook.
 */
export function mergeAlerts(current: AlertsPolicy, patch: AlertsPolicyInput | undefined): AlertsPolicyInput {
  if (!patch) return current;
  const webhooks: Record<string, Partial<Webhook>> = { ...current.webhooks } as Record<string, Webhook>;
  for (const [name, w] of Object.entries(patch.webhooks ?? {})) {
    if (w === null) delete webhooks[name];
    else webhooks[name] = { ...current.webhooks[name], ...w };
  }
  const incomplete = Object.entries(webhooks).filter(([, w]) => w.enabled !== false && !(w.url && (w.secret || isChatFormat(w.format))));
  if (incomplete.length > 0) {
    throw errors.validation(
      incomplete.map(([name]) => ({
        in: 'body',
        path: `policy.alerts.webhooks.${name}`,
        message: 'an enabled webhook needs url and secret (a slack or discord one, url alone)',
      })),
    );
  }
  return { ...current, ...patch, webhooks: webhooks as NonNullable<AlertsPolicyInput>['webhooks'] };
}

/** The enabled webhooks that want alerts of this type, with their names. */
export const webhooksFor = (a: AlertsPolicy, type: AlertType): Array<[string, DeliverableWebhook]> =>
  Object.entries(a.webhooks).filter((e): e is [string, DeliverableWebhook] => isDeliverable(e[1]) && e[1].events.includes(type));

/** Slack and Discord incoming webhooks: their URL is their secret; a signature is sent only when there is a secret too. */
const isChatFormat = (format: WebhookFormat | undefined) => format === 'slack' || format === 'discord';

export type DeliverableWebhook = Webhook & { url: string };
export const isDeliverable = (w: Webhook | null | undefined): w is DeliverableWebhook =>
  Boolean(w?.enabled && w.url && (w.secret || isChatFormat(w.format)));
