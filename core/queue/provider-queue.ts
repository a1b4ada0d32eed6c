import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { CheckResult } from '../../protocol/decision.js';
import type { RedisKeys } from '../redis/keys.js';

/**
 * The queue of calls to outside providers (Akismet, a site's HTTP classifier), apart from the
 * moderation queue so its rate limit and slow answers never delay the built-in checks.
 */
export const PROVIDER_QUEUE = 'providers';
export type ProviderName = 'akismet' | 'http';

/** What one provider said about one comment. */
export interface ProviderAnswer {
  result: CheckResult;
  /** Model name → version, for the decision trace. */
  models: Record<string, string>;
}

/**
 * Ask the site's providers about a comment, then decide it with their results merged into the
 * built-in checks' (workers/decision/decide-automatically.ts). Jobs queued by earlier versions
 * also carry `lang`, `builtIn` and `trace`: they are ignored, the checks run again.
 */
export interface ProviderCheckJobData {
  siteId: string;
  commentId: string;
  /** The comment version the providers are asked about; any other version is stale. */
  version: number;
  /** Answers kept from an earlier attempt, so a retry only calls the providers that failed. */
  answered?: Partial<Record<ProviderName, ProviderAnswer>>;
}

/** Tell Akismet a moderator corrected it (submit-spam / submit-ham). */
export interface ProviderFeedbackJobData {
  siteId: string;
  commentId: string;
  verdict: 'spam' | 'ham';
}

export type ProviderJobData = ProviderCheckJobData | ProviderFeedbackJobData;
export const PROVIDER_CHECK_JOB = 'check';
export const PROVIDER_FEEDBACK_JOB = 'feedback';

/** Few, short retries: a provider that does not answer is skipped quickly (fail open). */
export const PROVIDER_CHECK_ATTEMPTS = 2;

export const providerCheckJobOptions = (commentId: string, version: number): JobsOptions => ({
  jobId: `check-${commentId}-v${version}`, // a repeated moderate job adds nothing twice
  attempts: PROVIDER_CHECK_ATTEMPTS,
  backoff: { type: 'exponential', delay: 100 },
  removeOnComplete: true,
  // removed on failure too, so the reconciler's fresh moderate job can add it again
  removeOnFail: true,
});

export const providerFeedbackJobOptions = (commentId: string, version: number): JobsOptions => ({
  jobId: `feedback-${commentId}-v${version}`,
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
});

/** Same braced prefix as the moderation queue, so all queue keys share one Cluster slot. */
export function createProviderQueue(connection: Redis, keys: RedisKeys): Queue<ProviderJobData> {
  return new Queue<ProviderJobData>(PROVIDER_QUEUE, { connection, prefix: keys.bullPrefix });
}
