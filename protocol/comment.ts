/**
 * The comment as every part of Palabre speaks of it: the record moderators see, what readers
 * see, and the reasons of a decision (types and constants only: the SDK bundles import this
 * file; the zod schemas are in comment-schemas.ts).
 */
import type { Scores } from './attribute.js';
import type { CommentStatus } from './comment-status.js';
import type { CheckStatus, DecisionTrace } from './decision.js';
import { isOneOf } from './is-one-of.js';
import type { ArrivalSignals } from './flood.js';
import type { CommentLanguage } from './language.js';
import type { Reason } from './reason.js';

/** The full comment record, as moderators see it. */
export interface Comment {
  id: string;
  siteId: string;
  articleId: string;
  parentId: string | null;
  author: CommentAuthor;
  /** Plain text as written. Render with textContent, never as HTML. */
  body: string;
  status: CommentStatus;
  /** ISO 8601. */
  createdAt: string;
  /** Grows by one with every change; decisions may carry it to detect conflicts. */
  version: number;
  lang?: CommentLanguage;
  scores?: Scores;
  reasons?: Reason[];
  decision?: DecisionTrace;
  /** `auto` for the pipeline, else the moderator id. */
  decidedBy?: string;
  /** The status the automatic decision gave, kept when a moderator decides later (absent before it was kept). */
  autoStatus?: CheckStatus;
  decidedAt?: string;
  /** A moderator's reason for rejecting, which the author may be shown. */
  moderatorReason?: ModeratorReason;
  /** The last human decision can be undone until `until`, restoring `previousStatus`. */
  undo?: { previousStatus: CommentStatus; version: number; moderatorId: string; until: string };
  /** Number of reader reports received. */
  reportCount?: number;
  /** Readers who like the comment ("J'apprécie"), one each; absent for none. */
  reactions?: number;
  /** A moderator made it one of the newsroom's picks ("coup de cœur de la rédaction") at this time. */
  featuredAt?: string;
  /** Where the comment came from when it was imported (`npm run import`): the platform and its id there. */
  imported?: ImportedFrom;
  /** Reader reports, grouped by reason (moderators only; on single-comment reads and the reported queue). */
  reports?: ReportSummary;
  /** What the write gate saw when the comment arrived (new reader, device flood, compose time). */
  arrival?: ArrivalSignals;
  /** Near-identical comments share this key (words of the text, order and digits aside): the held queue groups them. */
  textGroup?: string;
}

/** Who wrote a comment, as readers and moderators see it. */
export interface CommentAuthor {
  id: string;
  name: string;
  /** Posted by the newsroom's staff: the site's SSO token said so (`staff: true`), signed with its secret. */
  staff?: true;
}

/** The platforms `npm run import` reads. */
export const IMPORT_SOURCES = ['disqus', 'wordpress'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

export interface ImportedFrom {
  source: ImportSource;
  /** The comment's id on that platform. */
  id: string;
}

/** How readers may order the top-level comments of a thread (replies stay oldest first). */
export const THREAD_SORTS = ['oldest', 'newest', 'replies', 'reactions'] as const;
export type ThreadSort = (typeof THREAD_SORTS)[number];

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
export type PublicComment = Pick<Comment, 'id' | 'siteId' | 'articleId' | 'parentId' | 'author' | 'body' | 'status' | 'createdAt' | 'reactions'> & {
  /** One of the newsroom's picks. */
  featured?: true;
  /** In a thread listed for an identified reader: whether this reader likes it. */
  reacted?: boolean;
  replies?: PublicComment[];
};

export const isRejectionCode = (s: unknown): s is RejectionCode => isOneOf(REJECTION_CODES, s);
export const isThreadSort = (s: unknown): s is ThreadSort => isOneOf(THREAD_SORTS, s);
export const isReportReason = (s: unknown): s is ReportReason => isOneOf(REPORT_REASONS, s);
