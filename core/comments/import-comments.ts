import type { CoreDeps } from '../deps.js';
import { digest, idAt } from '../ids.js';
import type { Comment, ImportSource } from '../../protocol/comment.js';
import type { CommentStatus } from '../../protocol/comment-status.js';
import { reasonSource } from '../../protocol/reason.js';
import { commentToHash } from './comment.js';
import { queueScore } from './comment-transition.js';
import { importCommentScript } from './import-comment-script.js';

/** The one reason an imported decision carries: what the old platform had decided, and why. */
export const importedDecision = reasonSource('import', ['imported_decision']);

/** One comment as another platform exported it, once read. */
export interface ImportedComment {
  source: ImportSource;
  /** Its id on that platform: the import map is keyed by it, so a second run skips it. */
  sourceId: string;
  /** The id of the comment it answers, on that platform. */
  parentSourceId?: string | undefined;
  article: { id: string; title?: string | undefined; url?: string | undefined };
  /** `key` tells authors apart on that platform (user name, else e-mail, else name). */
  author: { key: string; name: string; email?: string | undefined };
  body: string;
  /** ISO 8601. */
  createdAt: string;
  /** As the old platform decided: published, waiting for a moderator, or refused. */
  status: 'approved' | 'held' | 'rejected';
  /** Why, in the old platform's words (`spam on Disqus`), for held and refused ones. */
  why?: string | undefined;
}

/** The author id of an imported author: one per platform account, never an SSO or device identity. */
export const importedAuthorId = (siteId: string, source: ImportSource, key: string): string =>
  `i_${digest(siteId, 'import', source, key)}`;

/** Which of these platform ids were imported already, and as which comment. */
export async function importedIds(deps: CoreDeps, siteId: string, source: ImportSource, sourceIds: string[]): Promise<Map<string, string>> {
  if (sourceIds.length === 0) return new Map();
  const ids = await deps.redis.hmget(deps.keys.importMap(siteId, source), ...sourceIds);
  return new Map(sourceIds.flatMap((s, i) => (ids[i] ? [[s, ids[i]] as [string, string]] : [])));
}

/**
 * Stores imported comments, each once, in one pipelined round trip. `parentIds` gives the
 * Palabre id of each parent (found by the caller); `rescore` stores the ones the old platform
 * published or held as `pending`, for the checks to decide. Returns the comment ids stored,
 * in order, with `null` for those imported before.
 */
export async function storeImportedComments(
  deps: CoreDeps,
  siteId: string,
  comments: Array<{ comment: ImportedComment; parentId: string | null }>,
  opts: { rescore: boolean },
): Promise<Array<string | null>> {
  if (comments.length === 0) return [];
  const { keys } = deps;
  await importCommentScript.load(deps.redis); // after a Redis restart too: the pipeline goes by SHA
  const pipe = deps.redis.pipeline();
  const ids: string[] = [];
  for (const { comment: c, parentId } of comments) {
    const createdMs = Date.parse(c.createdAt);
    const status: CommentStatus = opts.rescore && c.status !== 'rejected' ? 'pending' : c.status;
    const authorId = importedAuthorId(siteId, c.source, c.author.key);
    const record: Comment = {
      id: idAt(createdMs),
      siteId,
      articleId: c.article.id,
      parentId,
      author: { id: authorId, name: c.author.name },
      body: c.body,
      status,
      createdAt: c.createdAt,
      version: 1,
      imported: { source: c.source, id: c.sourceId },
      ...(status === 'pending'
        ? {}
        : {
            decidedBy: `import:${c.source}`,
            decidedAt: c.createdAt,
            ...(status === 'approved' ? {} : { reasons: [importedDecision.reason('imported_decision', c.why ?? `Not published on ${c.source}`)] }),
          }),
    };
    ids.push(record.id);
    const plan = {
      sourceId: c.sourceId,
      id: record.id,
      status,
      score: queueScore(status, record, createdMs),
      articleId: c.article.id,
      createdAt: c.createdAt,
      createdMs,
      authorName: c.author.name,
      authorEmail: c.author.email ?? '',
      title: c.article.title ?? '',
      url: c.article.url ?? '',
    };
    const scriptKeys = [
        keys.comment(siteId, record.id),
        keys.importMap(siteId, c.source),
        keys.reviewQueue(siteId, status),
        keys.articleAll(siteId, c.article.id),
        keys.authorComments(siteId, authorId),
        keys.author(siteId, authorId),
        keys.article(siteId, c.article.id),
        keys.articles(siteId),
        parentId ? keys.replies(siteId, parentId) : keys.articleRoots(siteId, c.article.id),
    ];
    pipe.evalsha(importCommentScript.sha, scriptKeys.length, ...scriptKeys, JSON.stringify(plan), ...Object.entries(commentToHash(record)).flat());
  }
  const rows = (await pipe.exec()) ?? [];
  return rows.map(([err, outcome], i) => {
    if (err) throw err;
    return outcome === 'imported' ? ids[i]! : null;
  });
}
