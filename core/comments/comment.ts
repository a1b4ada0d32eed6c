import type { CommentStatus } from '../redis/keys.js';

export type { CommentStatus };

export type Attribute = 'toxicity' | 'insult' | 'threat' | 'identity_attack' | 'profanity' | 'spam';
export type Scores = Partial<Record<Attribute, number>>;

/** Character offsets [start, end) into `body` as the reader wrote it. */
export interface Span {
  start: number;
  end: number;
}

export interface Reason {
  check: string;
  code: string;
  message: string;
  spans: Span[];
}

/** What was used to decide: enough to explain and reproduce the decision later. */
export interface DecisionTrace {
  mode: 'pre' | 'post';
  thresholds: { toxicity: { hold: number; reject: number }; spam: { hold: number; reject: number } };
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
  body: string;
  status: CommentStatus;
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
}

/** What readers see: no scores, reasons or moderation data. */
export interface PublicComment {
  id: string;
  siteId: string;
  articleId: string;
  parentId: string | null;
  author: { id: string; name: string };
  body: string;
  status: CommentStatus;
  createdAt: string;
  replies?: PublicComment[];
}

export const toPublicComment = (c: Comment): PublicComment => ({
  id: c.id,
  siteId: c.siteId,
  articleId: c.articleId,
  parentId: c.parentId,
  author: { id: c.author.id, name: c.author.name },
  body: c.body,
  status: c.status,
  createdAt: c.createdAt,
});

/** Flat Redis hash fields of a comment; nested values are JSON. */
export function commentToHash(c: Comment): Record<string, string> {
  const h: Record<string, string> = {
    id: c.id,
    siteId: c.siteId,
    articleId: c.articleId,
    parentId: c.parentId ?? '',
    authorId: c.author.id,
    authorName: c.author.name,
    body: c.body,
    status: c.status,
    createdAt: c.createdAt,
    version: String(c.version),
  };
  if (c.lang) h.lang = c.lang;
  if (c.scores) h.scores = JSON.stringify(c.scores);
  if (c.reasons) h.reasons = JSON.stringify(c.reasons);
  if (c.decision) h.decision = JSON.stringify(c.decision);
  if (c.decidedBy) h.decidedBy = c.decidedBy;
  if (c.decidedAt) h.decidedAt = c.decidedAt;
  return h;
}

export function commentFromHash(h: Record<string, string>): Comment | null {
  if (!h.id) return null;
  const c: Comment = {
    id: h.id,
    siteId: h.siteId ?? '',
    articleId: h.articleId ?? '',
    parentId: h.parentId || null,
    author: { id: h.authorId ?? '', name: h.authorName ?? '' },
    body: h.body ?? '',
    status: (h.status ?? 'pending') as CommentStatus,
    createdAt: h.createdAt ?? '',
    version: Number(h.version ?? 1),
  };
  if (h.lang) c.lang = h.lang;
  if (h.scores) c.scores = JSON.parse(h.scores) as Scores;
  if (h.reasons) c.reasons = JSON.parse(h.reasons) as Reason[];
  if (h.decision) c.decision = JSON.parse(h.decision) as DecisionTrace;
  if (h.decidedBy) c.decidedBy = h.decidedBy;
  if (h.decidedAt) c.decidedAt = h.decidedAt;
  return c;
}
