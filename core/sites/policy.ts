import { z } from 'zod';
import { providersPolicySchema, redactProviderSecrets } from './provider-policy.js';
import { alertsPolicySchema, redactWebhookSecrets } from '../alerts/alert-policy.js';
import { surgePolicySchema } from '../articles/surge-policy.js';
import { challengeModeSchema, defaultFloodPolicy, floodPolicySchema } from '../flood/flood-policy.js';

/** A pair of score thresholds: at or above `hold` a comment waits for a human, at or above `reject` it is refused. */
const thresholdPair = (hold: number, reject: number) =>
  z
    .object({
      hold: z.number().min(0).max(1).default(hold),
      reject: z.number().min(0).max(1).default(reject),
    })
    .default({ hold, reject });

/**
 * The moderation policy of a site. Every field has a default so `{}` is a valid policy;
 * the decision step reads nothing else.
 */
export const policySchema = z
  .object({
    /** `post`: publish what the checks pass; `pre`: hold everything not rejected for a human. */
    mode: z.enum(['pre', 'post']).default('post'),
    thresholds: z
      .object({
        toxicity: thresholdPair(0.5, 0.9),
        spam: thresholdPair(0.5, 0.9),
        /** Threats, calls to violence, wishes of harm, dehumanisation (docs/severe-harms.md): rejected from 0.8 in both modes. */
        severe: thresholdPair(0.5, 0.8).meta({
          description: 'Severe harm (threat, call to violence, wish of harm, dehumanisation): held from `hold`, rejected from `reject` in pre- and post-moderation alike.',
        }),
      })
      .default({ toxicity: { hold: 0.5, reject: 0.9 }, spam: { hold: 0.5, reject: 0.9 }, severe: { hold: 0.5, reject: 0.8 } }),
    /** Hold any comment that contains a link. */
    holdLinks: z.boolean().default(false),
    /** Hold the first comment of an author on this site until a human approves one. */
    holdFirstComments: z.boolean().default(false),
    /** Links to these domains (and their subdomains) get the comment rejected. */
    blockedDomains: z.array(z.string().min(1).max(253)).max(1000).default([]),
    /** More links than this holds the comment. */
    maxLinks: z.number().int().min(0).max(100).default(2),
    /** Words that reject a comment; `*` is a wildcard. Case- and accent-insensitive. */
    bannedWords: z.array(z.string().min(1).max(100)).max(5000).default([]),
    /** Words that hold a comment for a human; `*` is a wildcard. */
    suspectWords: z.array(z.string().min(1).max(100)).max(5000).default([]),
    /**
     * Names of groups of people the site's readers write about, added to the built-in identity
     * lexicon (docs/identity-groups.md): "les Zarmas", "Koglweogo". A group name alone never
     * raises a score; it fills the target of a threat, a call to violence or dehumanisation.
     */
    groupTerms: z
      .array(z.string().trim().min(2).max(60).regex(/\p{L}/u, 'a group term needs a letter'))
      .max(500)
      .default([])
      .meta({
        description:
          'Names of groups of people the site’s readers write about, added to the built-in identity-group lexicon (docs/identity-groups.md). A group name alone never raises a score; it fills the target of a threat, a call to violence or dehumanisation.',
      }),
    /** An author may post at most `maxComments` within `perSeconds`; more are held. */
    velocity: z
      .object({
        maxComments: z.number().int().min(1).max(10_000).default(5),
        perSeconds: z.number().int().min(1).max(86_400).default(60),
      })
      .default({ maxComments: 5, perSeconds: 60 }),
    /** What the site does with what it learned from its moderators' decisions (docs/learning.md). */
    learning: z
      .object({
        /** Apply the site's learned correction and calibration to its toxicity and spam scores. */
        adaptScores: z.boolean().default(true).meta({ description: "Apply the site's learned correction and calibration to its toxicity and spam scores (learning goes on either way)." }),
        /** A near-copy of a comment a moderator rejected: `hold` it for a human, `reject` it, or `off`. */
        copiesOfRejected: z
          .enum(['hold', 'reject', 'off'])
          .default('hold')
          .meta({ description: 'A near-copy of a comment a moderator rejected for abuse, illegal content or spam: hold it for a human, reject it, or off.' }),
      })
      .default({ adaptScores: true, copiesOfRejected: 'hold' }),
    /** Approved comments with this many reader reports go back to held. */
    autoHideAfterReports: z.number().int().min(1).max(1000).default(3),
    /** Outside classifiers (Akismet, the site's own HTTP model); all off by default. */
    providers: providersPolicySchema,
    /** Webhooks and the queue thresholds that raise alerts (core/alerts); none by default. */
    alerts: alertsPolicySchema,
    /** Surge protection: an article whose comment rate jumps switches itself to pre-moderation (core/articles). */
    surge: surgePolicySchema,
    /** When a write must carry a solved proof of work: `off`, `adaptive` (under a flood signal), `always`. */
    challenge: challengeModeSchema,
    /** Write limits keyed on the reader, the address's flood ceiling, and the flood signals (core/flood). */
    flood: floodPolicySchema.default(defaultFloodPolicy),
  })
  .strict();

export type Policy = z.infer<typeof policySchema>;
/** What a site admin sends: any subset of the policy. */
export type PolicyInput = z.input<typeof policySchema>;

export const defaultPolicy = (): Policy => policySchema.parse({});

/** The policy without its secrets (provider keys and headers), for the audit log. */
export const redactPolicySecrets = (p: Policy): Policy => ({
  ...p,
  providers: redactProviderSecrets(p.providers),
  alerts: redactWebhookSecrets(p.alerts),
});
