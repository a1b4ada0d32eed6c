import { z } from 'zod';

const counts = {
  received: z.number().int(),
  autoApproved: z.number().int(),
  autoHeld: z.number().int(),
  autoRejected: z.number().int(),
  humanApproved: z.number().int(),
  humanRejected: z.number().int(),
  reports: z.number().int(),
  scoredToxic: z.number().int().meta({ description: "Automatic decisions whose toxicity reached the site's hold threshold." }),
  scoredSpam: z.number().int().meta({ description: "Automatic decisions whose spam score reached the site's hold threshold." }),
  scoredSevere: z.number().int().meta({ description: "Automatic decisions whose severe-harm score reached the site's hold threshold." }),
  surges: z.number().int().meta({ description: 'Surges that started: an article switched itself to pre-moderation.' }),
};

const timeToDecision = z.object({
  decisions: z.number().int(),
  medianMs: z.number().nullable(),
  p90Ms: z.number().nullable(),
});

const bucketFields = {
  ...counts,
  decisionsByModerator: z.record(z.string(), z.object({ approved: z.number().int(), rejected: z.number().int() })),
  timeToDecision: timeToDecision.meta({ description: 'From posting to a final decision, automatic or human (histogram, within 19 %).' }),
  humanTimeToDecision: timeToDecision.meta({ description: "From posting to a moderator's final decision (histogram, within 19 %)." }),
};

/** What GET /sites/:siteId/stats answers (core/stats/site-stats.ts). */
export const siteStatsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    interval: z.enum(['day', 'week']),
    buckets: z.array(z.object({ start: z.string().meta({ description: 'First UTC day of the bucket.' }), ...bucketFields })),
    totals: z.object(bucketFields),
    busiestArticles: z.array(z.object({ articleId: z.string(), comments: z.number().int() })),
    articles: z
      .array(
        z.object({
          articleId: z.string(),
          title: z.string().optional(),
          url: z.string().optional(),
          section: z.string().optional(),
          received: z.number().int(),
          held: z.number().int().meta({ description: 'Held by the checks.' }),
          rejected: z.number().int().meta({ description: 'Rejected by the checks or a moderator.' }),
        }),
      )
      .meta({ description: 'The 20 articles that received most comments in the range.' }),
    sections: z.array(z.object({ section: z.string(), ...counts })),
    heldQueue: z
      .object({
        resolution: z.enum(['hour', 'day']),
        points: z.array(z.object({ at: z.string(), held: z.number().int(), oldestAgeSeconds: z.number().int() })),
      })
      .meta({ description: 'The held queue sampled every 5 minutes by the workers: the largest sample of each hour (ranges up to 14 days) or day.' }),
    moderators: z.record(z.string(), z.string()).meta({ description: 'Names of the moderators, by id.' }),
  })
  .meta({ id: 'SiteStats' });
