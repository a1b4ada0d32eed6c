import type { CoreDeps } from '../deps.js';
import { PalabreError } from '../errors.js';
import { EVENT_STREAM_MAXLEN, type SiteEvent } from '../events/site-event.js';
import { commentToHash, type Comment, type CommentStatus } from './comment.js';
import { transitionScript } from './transition-script.js';

export interface Transition {
  /** The comment as read before deciding; its version is the one the change is made on. */
  from: Comment;
  to: CommentStatus;
  /** Fields that change with the status (scores, reasons, decidedBy, …). */
  changes: Partial<Omit<Comment, 'id' | 'siteId' | 'articleId' | 'version' | 'status'>>;
  event:
    | { type: 'comment.decided' }
    | { type: 'comment.moderated'; action: string; moderatorId: string };
}

export type TransitionOutcome =
  | { ok: true; comment: Comment }
  | { ok: false; reason: 'conflict'; currentVersion: number }
  | { ok: false; reason: 'missing' };

/** Sort score of a comment in a status queue; equal scores fall back to id order, i.e. age. */
export function queueScore(status: CommentStatus, c: Comment, nowMs: number): number {
  if (status === 'held') return 1 - Math.max(0, ...Object.values(c.scores ?? {})); // riskiest first
  if (status === 'pending') return 0;
  return -nowMs; // approved/rejected: most recently decided first
}

/**
 * Applies a status change if the comment is still at `from.version`. Every writer of a
 * comment's status goes through here, so indexes, counters and events never drift apart.
 */
export async function transitionComment(deps: CoreDeps, t: Transition): Promise<TransitionOutcome> {
  const { keys } = deps;
  const { from } = t;
  const next: Comment = { ...from, ...t.changes, status: t.to, version: from.version + 1 };
  const event: SiteEvent =
    t.event.type === 'comment.decided'
      ? { type: 'comment.decided', comment: next, previousStatus: from.status }
      : { ...t.event, comment: next, previousStatus: from.status };
  const changed = commentToHash(next);
  const fields = Object.keys(t.changes).flatMap((k) => {
    const hashKey = k === 'author' ? 'authorName' : k;
    const v = hashKey === 'authorName' ? next.author.name : changed[hashKey];
    return v === undefined ? [] : [hashKey, v];
  });
  const [outcome, detail] = (await transitionScript.run(
    deps.redis,
    [
      keys.comment(from.siteId, from.id),
      keys.events(from.siteId),
      keys.queue(from.siteId, 'pending'),
      keys.queue(from.siteId, 'approved'),
      keys.queue(from.siteId, 'held'),
      keys.queue(from.siteId, 'rejected'),
      keys.article(from.siteId, from.articleId),
      keys.articleRoots(from.siteId, from.articleId),
      from.parentId ? keys.replies(from.siteId, from.parentId) : keys.comment(from.siteId, from.id),
      keys.author(from.siteId, from.author.id),
    ],
    [
      t.to,
      String(from.version),
      queueScore(t.to, next, deps.now()),
      EVENT_STREAM_MAXLEN,
      from.id,
      event.type,
      JSON.stringify(event),
      from.parentId ? '1' : '0',
      ...fields,
    ],
  )) as [string, string];
  if (outcome === 'ok') return { ok: true, comment: next };
  if (outcome === 'conflict') return { ok: false, reason: 'conflict', currentVersion: Number(detail) };
  return { ok: false, reason: 'missing' };
}

/** A 409 carrying the comment as it is now, for a client that decided on a stale version. */
export const conflictError = (current: Comment): PalabreError =>
  new PalabreError(409, 'conflict', 'The comment changed since you loaded it.', {
    details: { comment: current },
  });

