import type { Policy } from '../../core/sites/policy.js';
import type { NormalizedText } from '../text/normalize.js';
import type { CheckResult } from '../../protocol/decision.js';
import type { ReasonCode } from '../../protocol/reason.js';
import type { CommentLanguage } from '../../protocol/language.js';
import type { ArrivalSignals } from '../../protocol/flood.js';

/** What the author has done on this site before this comment. */
export interface AuthorHistory {
  firstSeenAt: string | null;
  approved: number;
  rejected: number;
  reported: number;
  /** Author is banned on the site: new comments are rejected. */
  banned: boolean;
  /** Author is always pre-moderated. */
  premoderated: boolean;
}

/** Facts gathered from Redis by the worker before the checks run, so checks stay pure. */
export interface RecentActivity {
  /** Earlier comments with the same normalised text by the same author within 24 h. */
  sameTextSameAuthor24h: number;
  /** Distinct other authors who posted the same normalised text on the site within 1 h. */
  sameTextOtherAuthors1h: number;
  /** Distinct other authors who posted a near-same text (same `textGroup`) on the site within 1 h. */
  sameGroupOtherAuthors1h: number;
  /** Comments by this author within the policy's velocity window, this one excluded. */
  authorCommentsInWindow: number;
}

export interface CheckComment {
  id: string;
  siteId: string;
  articleId: string;
  authorId: string;
  body: string;
  createdAt: string;
}

/** One attribute's lessons as read for this comment's features (core/learning/site-adaptation-store.ts). */
export interface LearnedCorrection {
  version: number;
  updates: number;
  calibration: { a: number; b: number };
  z: Float64Array;
  n: Float64Array;
}

/** What the site's moderators taught the scorers, read for this comment's features. */
export interface SiteAdaptation {
  features: { buckets: number[]; values: Float64Array };
  toxicity?: LearnedCorrection;
  spam?: LearnedCorrection;
  /** The earlier rejection by a moderator this comment is a near-copy of (workers/learning/rejected-texts.ts). */
  rejectedTwin?: { commentId: string; reason: string; decidedAt: string; similarity: number };
}

export interface CheckContext {
  comment: CheckComment;
  policy: Policy;
  author: AuthorHistory;
  recent: RecentActivity;
  /** Detected language of the body. */
  lang: CommentLanguage;
  /** What the write gate saw when the comment arrived; absent for comments stored before it existed. */
  arrival?: ArrivalSignals;
  /** Present when the site has learned from its moderators. */
  adaptation?: SiteAdaptation;
  now: number;
  /** The body normalized once by the worker (`normalizeForMatching`) and shared by every text check. */
  text: NormalizedText;
}

/** One moderation check: pure, fast, one file each. Returns undefined when it has nothing to say. */
export type Check<C extends ReasonCode = ReasonCode> = {
  (ctx: CheckContext): CheckResult<C> | undefined;
  /** Name used in reasons and in the stored list of check versions. */
  checkName: string;
  /** Bumped whenever the check's behaviour changes, stored with each decision. */
  version: string;
  /** Every reason code the check may give, declared once in its file (defineCheck). */
  codes: readonly C[];
  /** Scorers or models the check calls, name → version, for the decision trace. */
  models?: Readonly<Record<string, string>>;
};
