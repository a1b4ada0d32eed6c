import { AUDIT_MAXLEN, auditJson, type AuditEntry } from '../audit/audit-log.js';
import type { CoreDeps } from '../deps.js';
import { EVENT_STREAM_MAXLEN } from '../events/site-event.js';
import type { SiteEvent } from '../../protocol/events.js';
import { articleStatOf, decisionStatFields, sectionStatFields, STATS_TTL_SECONDS, utcDay, type ScoredFlags } from '../stats/stats-fields.js';
import type { Comment } from '../../protocol/comment.js';
import type { CommentStatus } from '../../protocol/comment-status.js';
import { commentToHash } from './comment.js';
import { transitionScript } from './transition-script.js';
import { heldSortKey } from '../../protocol/review-queue.js';
import type { StatsBatch } from '../stats/stats-batch.js';
import type { ScriptCall } from '../redis/lua-script.js';

/** Fields a transition may change besides status and version; `undo: null` clears the undo window. */
export type TransitionChanges = Partial<Omit<Comment, 'id' | 'siteId' | 'articleId' | 'version' | 'status' | 'undo'>> & {
  undo?: Comment['undo'] | null;
};

export interface Transition {
  /** The comment as read before deciding; its version is the one the change is made on. */
  from: Comment;
  to: CommentStatus;
  changes: TransitionChanges;
  event:
    | { type: 'comment.decided' }
    | { type: 'comment.moderated'; action: string; moderatorId: string };
  /** A human decision also resolves the comment's open reader reports. */
  resolvesReports?: boolean;
  /** Written to the audit log in the same atomic step. */
  audit?: AuditEntry;
  /** False for a change that is not a moderation decision (an author's erasure): no daily stats. */
  countsAsDecision?: boolean;
  /**
   * The daily statistics go to this batch, written after it (core/stats/stats-batch.ts), instead
   * of inside the script; `section` is the article's, as read before the decision.
   */
  statsBatch?: { batch: StatsBatch; section: string | undefined };
}

export type TransitionOutcome =
  | { ok: true; comment: Comment }
  | { ok: false; reason: 'conflict'; currentVersion: number }
  | { ok: false; reason: 'missing' };

/** How many of a site's latest automatic decisions are kept for the policy simulator. */
export const RECENT_DECISIONS_MAX = 5000;
/** How far past RECENT_DECISIONS_MAX the list may grow before one LTRIM cuts it back (one trim per this many decisions). */
export const RECENT_DECISIONS_SLACK = 500;

/** Sort score of a comment in a status queue; equal scores fall back to id order, i.e. age. */
export function queueScore(status: CommentStatus, c: Comment, nowMs: number): number {
  if (status === 'held') return heldSortKey(c.scores); // severe harm first, then riskiest
  if (status === 'pending') return 0;
  return -nowMs; // approved/rejected: most recently decided first
}

/**
 * Applies a status change if the comment is still at `from.version`. Every writer of a
 * comment's status goes through here, so indexes, counters, stats, audit and events never
 * drift apart.
 */
export async function transitionComment(deps: CoreDeps, t: Transition): Promise<TransitionOutcome> {
  const planned = planTransition(deps, t);
  return planned.settle(await transitionScript.run(deps.redis, planned.call.keys, planned.call.args));
}

/**
 * `transitionComment` for several comments of one site in one pipelined round trip, each
 * version-guarded on its own; an item is the transition's outcome, or the error of its call alone.
 */
export async function transitionComments(deps: CoreDeps, ts: readonly Transition[]): Promise<Array<TransitionOutcome | Error>> {
  const planned = ts.map((t) => planTransition(deps, t));
  const replies = await transitionScript.runMany(deps.redis, planned.map((p) => p.call));
  return replies.map((r, i) => (r.ok ? planned[i]!.settle(r.value) : r.error));
}

/** The script call of one transition, and what its reply means. */
function planTransition(deps: CoreDeps, t: Transition): { call: ScriptCall; settle: (reply: unknown) => TransitionOutcome } {
  const { keys } = deps;
  const { from } = t;
  const now = deps.now();
  const { undo, ...rest } = t.changes;
  const next: Comment = { ...from, ...rest, status: t.to, version: from.version + 1 };
  if ('undo' in t.changes) {
    if (undo) next.undo = undo;
    else delete next.undo;
  }
  if (t.to !== 'approved') delete next.featuredAt; // a pick is published; the script takes it off too
  const event: SiteEvent =
    t.event.type === 'comment.decided'
      ? { type: 'comment.decided', comment: next, previousStatus: from.status }
      : { ...t.event, comment: next, previousStatus: from.status };
  const hash = commentToHash(next);
  const fields = Object.keys(t.changes).flatMap((k) => {
    if (k === 'undo') return ['undo', undo ? JSON.stringify(undo) : ''];
    const hashKey = k === 'author' ? 'authorName' : k;
    const v = hash[hashKey];
    return v === undefined ? [] : [hashKey, v];
  });
  const counted = t.countsAsDecision !== false;
  const statsFields = counted
    ? decisionStatFields({
        from: from.status,
        to: t.to,
        decidedBy: next.decidedBy ?? 'auto',
        createdAtMs: Date.parse(from.createdAt),
        nowMs: now,
        scored: scoredFlags(next),
      })
    : [];
  const articleStat = counted ? articleStatOf({ from: from.status, to: t.to, decidedBy: next.decidedBy ?? 'auto' }) : '';
  const deferred = t.statsBatch !== undefined;
  const plan = {
    to: t.to,
    expectedVersion: String(from.version),
    score: queueScore(t.to, next, now),
    maxlen: EVENT_STREAM_MAXLEN,
    id: from.id,
    parentId: from.parentId ?? '',
    eventType: event.type,
    event: JSON.stringify(event),
    hasParent: from.parentId !== null,
    clearReported: t.resolvesReports === true,
    statsFields: deferred ? [] : statsFields,
    sectionFields: deferred ? [] : sectionStatFields(statsFields),
    articleId: from.articleId,
    articleStat: deferred ? '' : articleStat,
    statsTtl: STATS_TTL_SECONDS,
    recentMax: t.event.type === 'comment.decided' && next.decision ? RECENT_DECISIONS_MAX : 0,
    recentSlack: RECENT_DECISIONS_SLACK,
    audit: t.audit ? auditJson(t.audit) : '',
    auditMaxlen: AUDIT_MAXLEN,
  };
  const call: ScriptCall = {
    keys: [
      keys.comment(from.siteId, from.id),
      keys.events(from.siteId),
      keys.reviewQueue(from.siteId, 'pending'),
      keys.reviewQueue(from.siteId, 'approved'),
      keys.reviewQueue(from.siteId, 'held'),
      keys.reviewQueue(from.siteId, 'rejected'),
      keys.article(from.siteId, from.articleId),
      keys.articleRoots(from.siteId, from.articleId),
      from.parentId ? keys.replies(from.siteId, from.parentId) : keys.comment(from.siteId, from.id),
      keys.author(from.siteId, from.author.id),
      keys.reviewQueue(from.siteId, 'reported'),
      keys.statsDay(from.siteId, utcDay(now)),
      keys.audit(from.siteId),
      keys.replies(from.siteId, from.id),
      keys.articleRanked(from.siteId, from.articleId, 'replies'),
      keys.articleRanked(from.siteId, from.articleId, 'reactions'),
      keys.articleFeatured(from.siteId, from.articleId),
      keys.statsDayArticleHeld(from.siteId, utcDay(now)),
      keys.statsDayArticleRejected(from.siteId, utcDay(now)),
      keys.recentDecisions(from.siteId),
    ],
    args: [JSON.stringify(plan), ...fields],
  };
  const settle = (reply: unknown): TransitionOutcome => {
    const [outcome, detail] = reply as [string, string];
    if (outcome === 'ok') {
      t.statsBatch?.batch.add({ siteId: from.siteId, nowMs: now, fields: statsFields, section: t.statsBatch.section, articleId: from.articleId, articleStat });
      return { ok: true, comment: next };
    }
    if (outcome === 'conflict') return { ok: false, reason: 'conflict', currentVersion: Number(detail) };
    return { ok: false, reason: 'missing' };
  };
  return { call, settle };
}

/** Which hold thresholds an automatic decision's scores reached, from the thresholds it was decided with. */
function scoredFlags(c: Comment): ScoredFlags | undefined {
  const thresholds = c.decision?.thresholds;
  if (c.decidedBy !== 'auto' || !c.scores || !thresholds) return undefined;
  const reached = (score: number | undefined, hold: number | undefined) => score !== undefined && hold !== undefined && score >= hold;
  return {
    toxic: reached(c.scores.toxicity, thresholds.toxicity.hold),
    spam: reached(c.scores.spam, thresholds.spam.hold),
    severe: reached(c.scores.severe, thresholds.severe?.hold),
  };
}
