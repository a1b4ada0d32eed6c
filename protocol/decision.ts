/**
 * What an automatic decision is made of: the result of each check and the trace kept with the
 * decision (types only).
 */
import type { CommentStatus } from './comment-status.js';
import type { Scores } from './attribute.js';
import type { ModelVersion, Reason, ReasonCode } from './reason.js';

/** A status a check may demand; the strictest one wins. */
export type CheckStatus = Exclude<CommentStatus, 'pending'>;

/** What one check (or one outside provider) says about a comment. */
export interface CheckResult<C extends ReasonCode = ReasonCode> {
  scores?: Scores;
  reasons?: Reason<C>[];
  /** A status this check demands regardless of scores (the strictest one wins). */
  status?: CheckStatus;
  /** Who gave `scores`, so a threshold reason names the model whose score crossed it. */
  scoredBy?: ModelVersion;
}

/** What was used to decide: enough to explain and reproduce the decision later. */
export interface DecisionTrace {
  mode: 'pre' | 'post';
  /** `severe` is absent from decisions made before severe harms had their own threshold. */
  thresholds: { toxicity: { hold: number; reject: number }; spam: { hold: number; reject: number }; severe?: { hold: number; reject: number } };
  /** Check name → version. */
  checks: Record<string, string>;
  /** Model or scorer name → version. */
  models: Record<string, string>;
}
