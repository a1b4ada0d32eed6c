import type { CoreDeps } from '../deps.js';
import type { Comment } from '../../protocol/comment.js';
import { getComments } from '../comments/comment-store.js';
import type { StoredReport } from '../comments/reports.js';
import { listAuthorNotes, type AuthorNote } from './author-notes.js';

/** Comments read per round trip while exporting. */
const BATCH = 500;

/** A comment as its author gets it back: everything stored about it, moderators unnamed. */
export type ExportedComment = Omit<Comment, 'undo' | 'reports' | 'decidedBy'> & {
  /** `auto` for the pipeline, `moderator` for a person (who, exactly, is the newsroom's business). */
  decidedBy?: 'auto' | 'moderator';
};

/** A report the author filed about someone else's comment. */
export interface ExportedReport extends StoredReport {
  commentId: string;
}

/** Everything a site holds about one author: the answer to a reader's access request. */
export interface AuthorDataExport {
  siteId: string;
  authorId: string;
  exportedAt: string;
  /** The author record as stored (name, email from SSO, first/last seen, counters, ban), null when none is left. */
  author: Record<string, string> | null;
  /** Every comment of the author, any status, oldest first. */
  comments: ExportedComment[];
  /** Every report the author filed, oldest first. */
  reports: ExportedReport[];
  /** The ids of the comments the author likes. */
  reactions: string[];
  /** What the site's moderators wrote down about the author, newest first (who wrote each is the newsroom's business). */
  notes: Array<Omit<AuthorNote, 'by'>>;
}

/** Every comment and report of an author on a site, as JSON-ready data. */
export async function exportAuthorData(deps: CoreDeps, siteId: string, authorId: string): Promise<AuthorDataExport> {
  const [author, commentIds, reportedIds, reactions, notes] = await Promise.all([
    deps.redis.hgetall(deps.keys.author(siteId, authorId)),
    deps.redis.zrange(deps.keys.authorComments(siteId, authorId), '0', '-1'),
    deps.redis.zrange(deps.keys.authorReports(siteId, authorId), '0', '-1'),
    deps.redis.zrange(deps.keys.authorReactions(siteId, authorId), '0', '-1'),
    listAuthorNotes(deps, siteId, authorId),
  ]);
  const comments: ExportedComment[] = [];
  for (let i = 0; i < commentIds.length; i += BATCH) {
    for (const c of await getComments(deps, siteId, commentIds.slice(i, i + BATCH))) comments.push(forTheAuthor(c));
  }
  return {
    siteId,
    authorId,
    exportedAt: new Date(deps.now()).toISOString(),
    author: Object.keys(author).length > 0 ? author : null,
    comments,
    reports: await reportsFiledBy(deps, siteId, authorId, reportedIds),
    reactions,
    notes: notes.map(({ by: _by, ...note }) => note),
  };
}

function forTheAuthor(c: Comment): ExportedComment {
  const { undo: _undo, reports: _reports, decidedBy, ...rest } = c;
  return { ...rest, ...(decidedBy ? { decidedBy: decidedBy === 'auto' ? 'auto' : 'moderator' } : {}) };
}

async function reportsFiledBy(deps: CoreDeps, siteId: string, readerId: string, commentIds: string[]): Promise<ExportedReport[]> {
  if (commentIds.length === 0) return [];
  const pipe = deps.redis.pipeline();
  for (const id of commentIds) pipe.hget(deps.keys.reports(siteId, id), readerId);
  const rows = (await pipe.exec()) ?? [];
  return commentIds
    .map((commentId, i) => {
      const json = rows[i]?.[1] as string | null | undefined;
      return json ? { commentId, ...(JSON.parse(json) as StoredReport) } : null;
    })
    .filter((r): r is ExportedReport => r !== null)
    .sort((a, b) => a.at.localeCompare(b.at));
}
