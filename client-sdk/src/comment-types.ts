/** Wire types of Palabre comments, shared by the server and the SDK (types only, no runtime). */

export type CommentStatus = 'pending' | 'approved' | 'held' | 'rejected';

/** `severe`: threats, calls to violence, wishes of harm and dehumanisation (its own scorer and threshold). */
export type Attribute = 'toxicity' | 'insult' | 'threat' | 'identity_attack' | 'profanity' | 'spam' | 'severe';
/** What kind of severe harm a `severe` reason is about. */
export type SevereCategory = 'threat' | 'incitement' | 'wish_of_harm' | 'dehumanisation';
export type Scores = Partial<Record<Attribute, number>>;

/** Character offsets [start, end) into `body` as the reader wrote it, for highlighting. */
export interface Span {
  start: number;
  end: number;
}

/** Why a check said what it said. */
export interface Reason {
  /** The check that produced it, e.g. `bannedWords`. */
  check: string;
  /** Stable machine code, e.g. `banned_word`. */
  code: string;
  /** One sentence for the moderator, in English; clients show the code's label in their language. */
  message: string;
  spans: Span[];
  /** For a score check's reason: the attribute it is about (`insult`, `threat`…). */
  attribute?: Attribute;
  /** For a severe-harm reason: threat, call to violence, wish of harm or dehumanisation. */
  category?: SevereCategory;
}

/** What was used to decide: enough to explain and reproduce the decision later. */
export interface DecisionTrace {
  mode: 'pre' | 'post';
  thresholds: { toxicity: { hold: number; reject: number }; spam: { hold: number; reject: number }; severe?: { hold: number; reject: number } };
  /** Check name → version. */
  checks: Record<string, string>;
  /** Model or scorer name → version. */
  models: Record<string, string>;
}

/** The full comment record, as moderators see it. */
export interface Comment {
  id: string;
  siteId: string;
  articleId: string;
  parentId: string | null;
  author: { id: string; name: string };
  /** Plain text as written. Render with textContent, never as HTML. */
  body: string;
  status: CommentStatus;
  /** ISO 8601. */
  createdAt: string;
  /** Grows by one with every change; decisions may carry it to detect conflicts. */
  version: number;
  lang?: string;
  scores?: Scores;
  reasons?: Reason[];
  decision?: DecisionTrace;
  /** `auto` for the pipeline, else the moderator id. */
  decidedBy?: string;
  decidedAt?: string;
  /** A moderator's reason for rejecting, which the author may be shown. */
  moderatorReason?: ModeratorReason;
  /** The last human decision can be undone until `until`, restoring `previousStatus`. */
  undo?: { previousStatus: CommentStatus; version: number; moderatorId: string; until: string };
  /** Number of reader reports received. */
  reportCount?: number;
  /** Reader reports, grouped by reason (moderators only; on single-comment reads and the reported queue). */
  reports?: ReportSummary;
}

export const REJECTION_CODES = ['spam', 'abuse', 'off_topic', 'illegal', 'other'] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export const REPORT_REASONS = ['spam', 'abuse', 'off_topic', 'illegal', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** Reader reports of one comment, grouped by reason, as moderators see them. */
export interface ReportSummary {
  total: number;
  byReason: Partial<Record<ReportReason, number>>;
  /** Notes left by readers, newest first (at most 20). */
  notes: Array<{ reason: ReportReason; note: string; at: string }>;
}

export interface ModeratorReason {
  code: RejectionCode;
  /** Free text from the moderator. */
  note?: string;
}

/** What readers see: no scores, reasons or moderation data. */
export type PublicComment = Pick<Comment, 'id' | 'siteId' | 'articleId' | 'parentId' | 'author' | 'body' | 'status' | 'createdAt'> & {
  replies?: PublicComment[];
};
