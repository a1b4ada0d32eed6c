import type { Comment } from '../../../protocol/comment.js';
import type { ArticleRef } from '../../../protocol/article.js';
import type { AttackState, QueueStatus, TextGroup } from '../moderator-client.js';
import type { AuthorProfile } from '../../../protocol/author.js';
import type { QueueCounts } from '../../../protocol/events.js';
import type { Session } from './session.js';
import { heldSortKey } from '../../../protocol/review-queue.js';

export const QUEUES: QueueStatus[] = ['held', 'reported', 'pending', 'approved', 'rejected'];

export interface Notice {
  text: string;
  kind: 'info' | 'warning' | 'error';
}

/** Everything the console shows; events and actions change it, then the view is redrawn. */
export interface ConsoleState {
  session: Session;
  queue: QueueStatus;
  comments: Comment[];
  /** Where the next page of the queue starts, if there is one. */
  nextCursor: string | null;
  selectedId: string | null;
  counts: Partial<QueueCounts>;
  /** Live claims of other moderators, by comment id. */
  claims: Map<string, { moderatorId: string; until: number }>;
  presence: Array<{ id: string; name: string }>;
  authors: Map<string, AuthorProfile>;
  /** Title and url of the articles seen in queues and events, by article id. */
  articles: Map<string, ArticleRef>;
  notice: Notice | null;
  /** Comments that arrived live in the current queue since it was loaded. */
  arrivals: number;
  /** The last comment this moderator decided on, for `u`. */
  lastDecided: string | null;
  loading: boolean;
  /** null until the first connection. */
  connected: boolean | null;
  /** The site's attack while it lasts: the banner shows it. */
  attack: AttackState | null;
  /** Waves of near-identical held comments (held queue only). */
  groups: TextGroup[];
  /** The last wave decided here, until undone or replaced. */
  lastWave: { action: 'approve' | 'reject'; commentIds: string[] } | null;
  /** Only the comments of this section's articles (every queue filters by it), or every section. */
  section: string | null;
  /** The comments ticked for a bulk decision (ids of the current queue). */
  selected: Set<string>;
  /** The last comment ticked or unticked, where a shift-click range starts. */
  anchorId: string | null;
  /** Selected comments that left the queue because of someone else's decision, not yet told. */
  leftSelection: number;
  /** The last bulk decision made here: undone as one within its 10 minutes. */
  lastBatch: { action: 'approve' | 'reject'; commentIds: string[]; until: number } | null;
  /** Whether this moderator is a site admin (the settings page): null until known. */
  siteAdmin: boolean | null;
}

export const initialState = (session: Session): ConsoleState => ({
  session,
  queue: 'held',
  comments: [],
  nextCursor: null,
  selectedId: null,
  counts: {},
  claims: new Map(),
  presence: [],
  authors: new Map(),
  articles: new Map(),
  notice: null,
  arrivals: 0,
  lastDecided: null,
  loading: true,
  connected: null,
  attack: null,
  groups: [],
  lastWave: null,
  section: null,
  selected: new Set(),
  anchorId: null,
  leftSelection: 0,
  lastBatch: null,
  siteAdmin: null,
});


/** Whether a comment, as it is now, belongs in a queue (of a section, when one is chosen). */
export function belongsTo(queue: QueueStatus, c: Comment, section: string | null = null, articles?: Map<string, ArticleRef>): boolean {
  if (section !== null && articles?.get(c.articleId)?.section !== section) return false;
  if (queue === 'reported') return (c.reportCount ?? 0) > 0 && c.status !== 'rejected';
  return c.status === queue;
}

const time = (iso: string | undefined) => (iso ? Date.parse(iso) : 0);

/** The order of each queue, matching the server's. */
export function compareIn(queue: QueueStatus): (a: Comment, b: Comment) => number {
  switch (queue) {
    case 'held':
      return (a, b) => heldSortKey(a.scores) - heldSortKey(b.scores) || time(a.createdAt) - time(b.createdAt);
    case 'pending':
      return (a, b) => time(a.createdAt) - time(b.createdAt);
    case 'reported':
      return (a, b) => (b.reportCount ?? 0) - (a.reportCount ?? 0) || time(a.createdAt) - time(b.createdAt);
    default:
      return (a, b) => time(b.decidedAt ?? b.createdAt) - time(a.decidedAt ?? a.createdAt);
  }
}

/**
 * Puts the latest version of a comment where it belongs in the current queue, or takes it out;
 * an older version never replaces a newer one. Returns 'added', 'updated', 'removed' or null.
 */
export function applyComment(s: ConsoleState, c: Comment): 'added' | 'updated' | 'removed' | null {
  const index = s.comments.findIndex((x) => x.id === c.id);
  const existing = s.comments[index];
  if (existing && existing.version > c.version) return null;
  if (!belongsTo(s.queue, c, s.section, s.articles)) return index >= 0 ? (removeComment(s, c.id), 'removed') : null;
  const merged = existing && !c.reports && existing.reports ? { ...c, reports: existing.reports } : c;
  if (index >= 0) s.comments.splice(index, 1);
  s.comments.push(merged);
  s.comments.sort(compareIn(s.queue));
  if (!s.selectedId) s.selectedId = c.id;
  return index >= 0 ? 'updated' : 'added';
}

/** Takes a comment out of the list; if it was selected, the selection moves to the next card. */
export function removeComment(s: ConsoleState, id: string): void {
  const index = s.comments.findIndex((x) => x.id === id);
  if (index < 0) return;
  s.comments.splice(index, 1);
  // a ticked comment decided elsewhere leaves the selection; the live feed tells the moderator
  if (s.selected.delete(id)) s.leftSelection++;
  if (s.selectedId === id) s.selectedId = (s.comments[index] ?? s.comments[index - 1])?.id ?? null;
}

/** Moves the selection by `step` cards, staying within the list. */
export function moveSelection(s: ConsoleState, step: number): void {
  if (s.comments.length === 0) return;
  const index = s.comments.findIndex((x) => x.id === s.selectedId);
  const next = Math.max(0, Math.min(s.comments.length - 1, (index < 0 ? 0 : index + step)));
  s.selectedId = s.comments[next]!.id;
}

export const selectedComment = (s: ConsoleState): Comment | undefined => s.comments.find((c) => c.id === s.selectedId);

/** Display name of a moderator id, from who is online. */
export const moderatorName = (s: ConsoleState, id: string): string | undefined =>
  s.presence.find((m) => m.id === id)?.name ?? (id === 'admin' ? 'Admin' : undefined);

/** Keeps the title and url of articles from a queue page or an event. */
export function rememberArticles(s: ConsoleState, articles: Iterable<ArticleRef> | undefined): void {
  for (const a of articles ?? []) s.articles.set(a.id, a);
}

/** Ticks or unticks one comment; with `range`, every comment between the last one ticked and this one takes its new state. */
export function toggleSelected(s: ConsoleState, id: string, range = false): void {
  const on = !s.selected.has(id);
  const from = range && s.anchorId ? s.comments.findIndex((c) => c.id === s.anchorId) : -1;
  const to = s.comments.findIndex((c) => c.id === id);
  if (from >= 0 && to >= 0) {
    for (const c of s.comments.slice(Math.min(from, to), Math.max(from, to) + 1)) {
      if (on) s.selected.add(c.id);
      else s.selected.delete(c.id);
    }
  } else if (on) s.selected.add(id);
  else s.selected.delete(id);
  s.anchorId = id;
}

/** Ticks every comment shown, or unticks them all when they are all ticked already. */
export function toggleAllSelected(s: ConsoleState): void {
  const all = s.comments.length > 0 && s.comments.every((c) => s.selected.has(c.id));
  s.selected = all ? new Set() : new Set(s.comments.map((c) => c.id));
}
