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
  target: { type: 'comment' | 'author' | 'site' | 'moderator' | 'article'; id: string };
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

/** Newest first; the cursor is the id of the last entry returned. */
export async function readAudit(
  deps: CoreDeps,
  siteId: string,
  opts: { limit: number; cursor?: string | undefined },
): Promise<{ entries: Array<AuditEntry & { id: string }>; nextCursor: string | null }> {
  const end = opts.cursor ? `(${opts.cursor}` : '+';
  const rows = (await deps.redis.xrevrange(deps.keys.audit(siteId), end, '-', 'COUNT', opts.limit + 1)) as Array<
    [string, string[]]
  >;
  const entries = rows.slice(0, opts.limit).map(([id, fields]) => ({ id, ...(JSON.parse(fields[1] ?? '{}') as AuditEntry) }));
  return { entries, nextCursor: rows.length > opts.limit ? (entries[entries.length - 1]?.id ?? null) : null };
}
