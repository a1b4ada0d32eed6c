import { isCommentLanguage } from '../../protocol/language.js';
import type { Comment, ModeratorReason, PublicComment } from '../../protocol/comment.js';
import type { CommentStatus } from '../../protocol/comment-status.js';
import type { Scores } from '../../protocol/attribute.js';
import type { DecisionTrace } from '../../protocol/decision.js';
import type { Reason } from '../../protocol/reason.js';
import type { ArrivalSignals } from '../../protocol/flood.js';

export const toPublicComment = (c: Comment): PublicComment => ({
  id: c.id,
  siteId: c.siteId,
  articleId: c.articleId,
  parentId: c.parentId,
  author: { id: c.author.id, name: c.author.name, ...(c.author.staff ? { staff: true } : {}) },
  body: c.body,
  status: c.status,
  createdAt: c.createdAt,
  ...(c.reactions ? { reactions: c.reactions } : {}),
  ...(c.featuredAt ? { featured: true } : {}),
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
  if (c.author.staff) h.authorStaff = '1';
  if (c.featuredAt) h.featuredAt = c.featuredAt;
  if (c.imported) h.imported = JSON.stringify(c.imported);
  if (c.lang) h.lang = c.lang;
  if (c.scores) h.scores = JSON.stringify(c.scores);
  if (c.reasons) h.reasons = JSON.stringify(c.reasons);
  if (c.decision) h.decision = JSON.stringify(c.decision);
  if (c.decidedBy) h.decidedBy = c.decidedBy;
  if (c.autoStatus) h.autoStatus = c.autoStatus;
  if (c.decidedAt) h.decidedAt = c.decidedAt;
  if (c.moderatorReason) h.moderatorReason = JSON.stringify(c.moderatorReason);
  if (c.undo !== undefined) h.undo = c.undo ? JSON.stringify(c.undo) : '';
  if (c.arrival) h.arrival = JSON.stringify(c.arrival);
  if (c.textGroup) h.textGroup = c.textGroup;
  return h;
}

export function commentFromHash(h: Record<string, string>): Comment | null {
  if (!h.id) return null;
  const c: Comment = {
    id: h.id,
    siteId: h.siteId ?? '',
    articleId: h.articleId ?? '',
    parentId: h.parentId || null,
    author: { id: h.authorId ?? '', name: h.authorName ?? '', ...(h.authorStaff === '1' ? { staff: true as const } : {}) },
    body: h.body ?? '',
    status: (h.status ?? 'pending') as CommentStatus,
    createdAt: h.createdAt ?? '',
    version: Number(h.version ?? 1),
  };
  if (isCommentLanguage(h.lang)) c.lang = h.lang;
  if (h.scores) c.scores = JSON.parse(h.scores) as Scores;
  if (h.reasons) c.reasons = JSON.parse(h.reasons) as Reason[];
  if (h.decision) c.decision = JSON.parse(h.decision) as DecisionTrace;
  if (h.decidedBy) c.decidedBy = h.decidedBy;
  if (h.autoStatus === 'approved' || h.autoStatus === 'held' || h.autoStatus === 'rejected') c.autoStatus = h.autoStatus;
  if (h.decidedAt) c.decidedAt = h.decidedAt;
  if (h.moderatorReason) c.moderatorReason = JSON.parse(h.moderatorReason) as ModeratorReason;
  if (h.undo) c.undo = JSON.parse(h.undo) as NonNullable<Comment['undo']>;
  if (h.reportCount) c.reportCount = Number(h.reportCount);
  if (Number(h.reactions) > 0) c.reactions = Number(h.reactions);
  if (h.featuredAt) c.featuredAt = h.featuredAt;
  if (h.imported) c.imported = JSON.parse(h.imported) as NonNullable<Comment['imported']>;
  if (h.arrival) c.arrival = JSON.parse(h.arrival) as ArrivalSignals;
  if (h.textGroup) c.textGroup = h.textGroup;
  return c;
}
