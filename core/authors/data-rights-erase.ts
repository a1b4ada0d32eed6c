import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import type { Comment } from '../../protocol/comment.js';
import { getComment } from '../comments/comment-store.js';
import { transitionComment } from '../comments/comment-transition.js';
import { takeBackReaction } from '../comments/reactions.js';
import type { StoredReport } from '../comments/reports.js';
import type { CoreDeps } from '../deps.js';
import { appendSiteEvent } from '../events/append-event.js';
import type { SiteEvent } from '../../protocol/events.js';
import { eraseAuthorNotes } from './author-notes.js';

/** Kept in the author record after erasure: a deletion request must not lift a ban. */
const KEPT_AUTHOR_FIELDS = ['banned', 'bannedUntil', 'banReason', 'premoderated'];
const ERASED_NOTE = 'Erased at the author’s request';

export interface ErasureReport {
  /** Comments anonymised by this call (0 when a previous call already did everything). */
  comments: number;
  /** Of those, comments readers could see, now removed from their pages. */
  removedFromReaders: number;
  /** Reports the author filed whose note was wiped. */
  reports: number;
  /** Old events in the site's stream that still carried the author's text, deleted. */
  events: number;
  /** The author's likes, taken back. */
  reactions: number;
  /** Moderators' notes about the author, deleted. */
  notes: number;
}

/**
 * Erases an author from a site: every comment leaves readers (a `comment.removed` goes out
 * live) and is kept rejected with text, author name, quotes and spans wiped, ids kept so
 * counts stay right; notes of their reports are wiped; the author record is cleared but for
 * a ban. Idempotent: each step skips what is already erased, so a retried request finishes
 * the work. Each comment is changed by the versioned transition, so it is atomic on its own.
 */
export async function eraseAuthor(deps: CoreDeps, siteId: string, authorId: string, actor: AuditActor): Promise<ErasureReport> {
  const report: ErasureReport = { comments: 0, removedFromReaders: 0, reports: 0, events: 0, reactions: 0, notes: 0 };
  for (const id of await deps.redis.zrange(deps.keys.authorComments(siteId, authorId), '0', '-1')) {
    const wasApproved = await eraseComment(deps, siteId, id, actor);
    if (wasApproved === null) continue;
    report.comments++;
    if (wasApproved) report.removedFromReaders++;
  }
  report.reports = await wipeReportNotes(deps, siteId, authorId);
  report.reactions = await takeBackReactions(deps, siteId, authorId);
  report.notes = await eraseAuthorNotes(deps, siteId, authorId);
  report.events = await deleteEventsWithText(deps, siteId, authorId);
  const cleared = await clearAuthorRecord(deps, siteId, authorId);
  if (report.comments + report.reports + report.events + report.reactions + report.notes > 0 || cleared) {
    await appendAudit(deps, siteId, {
      at: new Date(deps.now()).toISOString(),
      actor,
      action: 'author.erase',
      target: { type: 'author', id: authorId },
      after: { ...report, authorRecordCleared: cleared },
    });
    await appendSiteEvent(deps, { type: 'author.updated', siteId, authorId, action: 'erase', moderatorId: actor.id });
  }
  return report;
}

const isErased = (c: Comment) => c.status === 'rejected' && c.body === '' && c.author.name === '';

/** null: nothing to do (missing or already erased); else whether readers could see it. */
async function eraseComment(deps: CoreDeps, siteId: string, commentId: string, actor: AuditActor): Promise<boolean | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const from = await getComment(deps, siteId, commentId);
    if (!from || isErased(from)) return null;
    const outcome = await transitionComment(deps, {
      from,
      to: 'rejected',
      changes: {
        body: '',
        author: { id: from.author.id, name: '' },
        // the reasons quote the text and point into it
        ...(from.reasons ? { reasons: from.reasons.map((r) => ({ ...r, message: '', spans: [] })) } : {}),
        decidedBy: actor.id,
        decidedAt: new Date(deps.now()).toISOString(),
        moderatorReason: { code: 'other', note: ERASED_NOTE },
        undo: null,
      },
      event: { type: 'comment.moderated', action: 'erase', moderatorId: actor.id },
      resolvesReports: true,
      countsAsDecision: false, // an erasure is not a moderator's judgement of the comment
    });
    if (outcome.ok) return from.status === 'approved';
    if (outcome.reason === 'missing') return null;
    // conflict: a worker or a moderator changed it meanwhile; read it again
  }
  throw new Error(`comment ${commentId} kept changing while being erased`);
}

async function wipeReportNotes(deps: CoreDeps, siteId: string, authorId: string): Promise<number> {
  const index = deps.keys.authorReports(siteId, authorId);
  let wiped = 0;
  for (const commentId of await deps.redis.zrange(index, '0', '-1')) {
    const key = deps.keys.reports(siteId, commentId);
    const json = await deps.redis.hget(key, authorId);
    if (!json) continue;
    const { note, ...kept } = JSON.parse(json) as StoredReport;
    if (note === undefined) continue;
    // the report itself stays (it counted towards the comment's reports), without the free text
    await deps.redis.hset(key, authorId, JSON.stringify(kept));
    wiped++;
  }
  await deps.redis.del(index);
  return wiped;
}

/** The author's likes go, from published comments and from those taken down since. */
async function takeBackReactions(deps: CoreDeps, siteId: string, authorId: string): Promise<number> {
  let taken = 0;
  for (const commentId of await deps.redis.zrange(deps.keys.authorReactions(siteId, authorId), '0', '-1')) {
    if (await takeBackReaction(deps, siteId, commentId, authorId)) taken++;
  }
  await deps.redis.del(deps.keys.authorReactions(siteId, authorId));
  return taken;
}

/** The capped event stream still holds the comments' earlier events, text included: delete those. */
async function deleteEventsWithText(deps: CoreDeps, siteId: string, authorId: string): Promise<number> {
  const key = deps.keys.events(siteId);
  const doomed: string[] = [];
  for (let start = '-'; ; ) {
    const rows = (await deps.redis.xrange(key, start, '+', 'COUNT', 1000)) as Array<[string, string[]]>;
    for (const [id, fields] of rows) {
      const event = JSON.parse(fields[fields.indexOf('d') + 1] ?? '{}') as SiteEvent;
      const c = 'comment' in event ? event.comment : null;
      if (c && c.author.id === authorId && (c.body !== '' || c.author.name !== '')) doomed.push(id);
    }
    if (rows.length < 1000) break;
    start = `(${rows[rows.length - 1]![0]}`;
  }
  for (let i = 0; i < doomed.length; i += 500) await deps.redis.xdel(key, ...doomed.slice(i, i + 500));
  return doomed.length;
}

/** Name, email, dates and counters go; a ban stays. True when anything was removed. */
async function clearAuthorRecord(deps: CoreDeps, siteId: string, authorId: string): Promise<boolean> {
  const key = deps.keys.author(siteId, authorId);
  const fields = Object.keys(await deps.redis.hgetall(key)).filter((f) => !KEPT_AUTHOR_FIELDS.includes(f));
  await deps.redis.del(deps.keys.velocity(siteId, authorId));
  if (fields.length === 0) return false;
  await deps.redis.hdel(key, ...fields);
  return true;
}
