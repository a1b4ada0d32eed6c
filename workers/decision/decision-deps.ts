import type { Queue } from 'bullmq';
import type { CoreDeps } from '../../core/deps.js';
import type { ProviderJobData } from '../../core/queue/provider-queue.js';
import type { Site } from '../../core/sites/site-store.js';
import type { Comment } from '../../protocol/comment.js';
import type { CheckResult } from '../../protocol/decision.js';
import type { CheckContext, SiteAdaptation } from '../checks/types.js';
import type { SurgeDeps } from '../surge/surge-deps.js';
import type { NormalizedText } from '../text/normalize.js';

/** What the automatic decision paths (one comment, a batch) need besides core deps: the cached site, what it learned, the providers queue. */
export interface DecisionDeps extends CoreDeps, SurgeDeps {
  readonly siteOf: (siteId: string) => Promise<Site | null>;
  /** What the site learned from its moderators, for this comment's features (see workers/learning). */
  readonly adaptationOf?: (siteId: string, text: NormalizedText) => Promise<SiteAdaptation | undefined>;
  /** Where comments of sites with outside providers wait for the providers' stage. */
  readonly providerQueue: Queue<ProviderJobData>;
}

/** What the outside providers said (workers/providers): results to merge, and their models for the trace. */
export interface ExtraResults {
  results: CheckResult[];
  models: Record<string, string>;
}

/**
 * A stage that brings extra results for a comment still waiting at the version asked about
 * (the providers' stage). It runs once per decision, after the built-in checks; it may throw to
 * have the job retried, before anything is written.
 */
export type ExtraStage = (comment: Comment, ctx: CheckContext) => Promise<ExtraResults>;

/**
 * `deferred`: handed to the providers queue, whose stage calls decideAutomatically back with its results.
 * `stale`: the comment changed since the version the providers were asked about.
 */
export type DecisionOutcome = 'decided' | 'deferred' | 'already_decided' | 'missing' | 'stale';
