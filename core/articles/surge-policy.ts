import { z } from 'zod';

/**
 * When an article's comments come much faster than its own recent baseline (or too many of
 * them are held), the article holds every comment for a human for `durationSeconds`.
 * Off by default: a site turns it on once it knows its usual traffic.
 */
export const surgePolicySchema = z
  .object({
    enabled: z.boolean().default(false),
    /** The window's rate must be at least this many times the baseline rate. */
    rateMultiplier: z.number().min(1).max(1000).default(5),
    /** …and the window must hold at least this many comments. */
    minComments: z.number().int().min(1).max(1_000_000).default(20),
    /** The recent window, counted in whole minutes. */
    windowSeconds: z.number().int().min(60).max(3600).default(300),
    /** The baseline: the period before the window, counted in whole minutes. */
    baselineSeconds: z.number().int().min(120).max(86_400).default(3600),
    /** Also a surge when this share of the window's comments was held or rejected (with minComments); null: not watched. */
    heldShare: z.number().min(0).max(1).nullable().default(null),
    /** How long the article stays in pre-moderation once a surge starts. */
    durationSeconds: z.number().int().min(1).max(86_400).default(1800),
  })
  .strict()
  .refine((s) => s.baselineSeconds > s.windowSeconds, {
    message: 'baselineSeconds must be longer than windowSeconds',
    path: ['baselineSeconds'],
  })
  .default({
    enabled: false,
    rateMultiplier: 5,
    minComments: 20,
    windowSeconds: 300,
    baselineSeconds: 3600,
    heldShare: null,
    durationSeconds: 1800,
  });

export type SurgePolicy = z.infer<typeof surgePolicySchema>;
