import type { CoreDeps } from '../deps.js';

/** Who did something: a moderator, the admin token, or Palabre itself (auto-hide, surge). */
export interface AuditActor {
  kind: 'moderator' | 'admin' | 'system';
  id: string;
  name?: string;
}

/** One line of a site's audit log: who, when, what, before and after. */
export interface AuditEntry {
  at: string;
  actor: AuditActor;
  /** e.g. `comment.approve`, `comment.reject`, `comment.undo`, `author.ban`, `site.policy`. */
  action: string;
  /** For a comment, its article too (entries written before it was recorded have none). */
  target: { type: 'comment' | 'author' | 'site' | 'moderator' | 'article'; id: string; articleId?: string };
  before?: unknown;
  after?: unknown;
}

/** Cap of the audit stream: large, since this is the record editors answer to. */
export const AUDIT_MAXLEN = 1_000_000;

export const auditJson = (entry: AuditEntry): string => JSON.stringify(entry);

/** Appends an entry when the action itself is not a comment transition (which appends its own). */
export async function appendAudit(deps: CoreDeps, siteId: string, entry: AuditEntry): Promise<void> {
  await deps.redis.xadd(deps.keys.audit(siteId), 'MAXLEN', '~', String(AUDIT_MAXLEN), '*', 'd', auditJson(entry));
}

/** What an audit page may be narrowed to; every filter given must match. */
export interface AuditFilters {
  /** The actor's id: a moderator id, `admin`, or a system actor (`surge`, `reports`…). */
  actorId?: string | undefined;
  /** An action (`comment.reject`), or a family of them ending with a dot (`comment.`). */
  action?: string | undefined;
  /** Entries about this article: its own changes and those of its comments. */
  articleId?: string | undefined;
  /** Entries at or after this time, ms since the epoch. */
  fromMs?: number | undefined;
  /** Entries before this time, ms since the epoch. */
  toMs?: number | undefined;
}

/** Most entries one filtered page reads before answering with what it found and a cursor. */
export const MAX_AUDIT_SCAN = 10_000;
const AUDIT_BATCH = 500;

const matches = (e: AuditEntry, f: AuditFilters): boolean =>
  (f.actorId === undefined || e.actor.id === f.actorId) &&
  (f.action === undefined || (f.action.endsWith('.') ? e.action.startsWith(f.action) : e.action === f.action)) &&
  (f.articleId === undefined || (e.target.type === 'article' ? e.target.id : e.target.articleId) === f.articleId);

/**
 * Newest first; the cursor is the stream id where the next page starts after. Dates bound the
 * stream ids (they are times), the other filters are matched as entries are read: a filtered
 * page reads at most 10,000 entries, then answers with what it found and a cursor to go on.
 */
export async function readAudit(
  deps: CoreDeps,
  siteId: string,
  opts: { limit: number; cursor?: string | undefined } & AuditFilters,
): Promise<{ entries: Array<AuditEntry & { id: string }>; nextCursor: string | null }> {
  const key = deps.keys.audit(siteId);
  const start = opts.fromMs !== undefined ? String(opts.fromMs) : '-';
  // an incomplete id as the end means its whole millisecond: the last one before `toMs`
  let end = opts.cursor ? `(${opts.cursor}` : opts.toMs !== undefined ? String(opts.toMs - 1) : '+';
  const entries: Array<AuditEntry & { id: string }> = [];
  let scanned = 0;
  let lastRead: string | null = null;
  while (scanned < MAX_AUDIT_SCAN) {
    const rows = (await deps.redis.xrevrange(key, end, start, 'COUNT', AUDIT_BATCH)) as Array<[string, string[]]>;
    for (const [id, fields] of rows) {
      scanned++;
      lastRead = id;
      const entry = { id, ...(JSON.parse(fields[1] ?? '{}') as AuditEntry) };
      if (!matches(entry, opts)) continue;
      if (entries.length === opts.limit) return { entries, nextCursor: entries[entries.length - 1]!.id };
      entries.push(entry);
    }
    if (rows.length < AUDIT_BATCH) return { entries, nextCursor: null };
    end = `(${rows[rows.length - 1]![0]}`;
  }
  // the scan cap: go on from the last entry read
  return { entries, nextCursor: lastRead };
}
