/** Wire types of the statement of reasons an author can read about their own comment (types only). */
import type { ModeratorReason } from './comment.js';
import type { CommentStatus } from './comment-status.js';
import type { ModelVersion, Span, ThresholdAttribute, ThresholdStep } from './reason.js';

/** One fact the decision rests on: a rule that matched, or a score compared with a threshold. */
export interface StatementGround {
  /** The check that found it, e.g. `bannedWords`, `toxicityScore`, `decideStatus`. */
  check: string;
  /** Version of that check at decision time, when recorded. */
  checkVersion?: string;
  /** Stable machine code, e.g. `banned_word`, `toxicity_above_reject`. */
  code: string;
  message: string;
  /** Character offsets into the comment's body, [start, end). */
  spans: Span[];
  /** The words at `spans`, as written. */
  excerpts: string[];
  /** For a score compared with a threshold: which attribute, its score, the threshold and which step it crossed. */
  attribute?: ThresholdAttribute;
  score?: number;
  threshold?: number;
  step?: ThresholdStep;
  /** The models that produce this score or finding. */
  models?: ModelVersion[];
}

/**
 * Why a comment is not (or not yet) published, in the terms of the EU Digital Services Act
 * (art. 17): what was restricted, on which facts, by automated means or a person.
 */
export interface StatementOfReasons {
  commentId: string;
  articleId: string;
  status: CommentStatus;
  /** `removed`: rejected; `held`: waits for a moderator; `none`: published; `pending`: not decided yet. */
  restriction: 'removed' | 'held' | 'none' | 'pending';
  postedAt: string;
  decidedAt: string | null;
  /** `automated` when the checks decided, `moderator` when a person did. */
  decidedBy: 'automated' | 'moderator' | null;
  /** True when automated means detected or decided (the checks ran). */
  automatedMeans: boolean;
  grounds: StatementGround[];
  /** What the moderator chose when a person decided. */
  moderatorReason?: ModeratorReason;
  /** The site's policy at decision time: pre- or post-moderation and its thresholds. */
  policy?: {
    mode: 'pre' | 'post';
    thresholds: { toxicity: { hold: number; reject: number }; spam: { hold: number; reject: number }; severe?: { hold: number; reject: number } };
  };
  /** Every model and scorer version the decision used. */
  models: ModelVersion[];
}
