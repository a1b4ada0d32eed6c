import type { Queue } from 'bullmq';
import type { CoreDeps } from '../../core/deps.js';
import { importedIds, storeImportedComments, type ImportedComment } from '../../core/comments/import-comments.js';
import { moderationJobsFor, type ModerateJobData } from '../../core/queue/moderation-queue.js';
import { requireSite } from '../../core/sites/site-store.js';
import type { ImportSource } from '../../protocol/comment.js';
import { readDisqusExport, type DisqusArticleIds } from './disqus-reader.js';
import type { ReadItem } from './read-item.js';
import { readWordPressExport, type WordPressArticleIds } from './wordpress-reader.js';
import { MalformedXmlError } from './xml-elements.js';

export interface ImportOptions {
  siteId: string;
  source: ImportSource;
  file: string;
  /** Store what the old platform published or held as `pending` and queue it for the checks. @default false */
  rescore?: boolean;
  /** How threads become article ids: Disqus `identifier` (default) or `link`; WordPress `slug` (default), `id` or `link`. */
  articleIds?: DisqusArticleIds | WordPressArticleIds;
  /** The moderation queue, for `rescore`; without it the reconciler queues pending comments within a minute. */
  queue?: Queue<ModerateJobData>;
  /** Bytes of the file read so far, and comments imported. */
  onProgress?: (bytes: number, imported: number) => void;
  /** Comments written per round trip. @default 500 */
  batchSize?: number;
}

export interface ImportProblem {
  line: number;
  sourceId?: string;
  reason: string;
}

/** What an import did; a second run of the same file imports nothing and skips everything. */
export interface ImportReport {
  source: ImportSource;
  file: string;
  /** Comments stored by this run, by the status they were stored with. */
  imported: number;
  byStatus: { approved: number; held: number; rejected: number; pending: number };
  /** Comments imported by an earlier run. */
  alreadyImported: number;
  /** Entries that are not comments (pingbacks, trackbacks). */
  skipped: ImportProblem[];
  /** Comments that could not be imported, with why. */
  invalid: ImportProblem[];
  /** Set when the file stopped being readable: what was read before is imported. */
  error?: string;
  bytes: number;
  seconds: number;
}

interface Waiting {
  comment: ImportedComment;
  line: number;
}

/**
 * Imports a Disqus or WordPress export into a site: streamed, in batches, each comment once
 * (the site's import map remembers every platform id), stored as the old platform decided it.
 * A reply whose parent comes later in the file waits for it; one whose parent never comes is
 * reported invalid. Malformed XML stops the import: what was read before it stays imported,
 * the report says where the file broke, and running again after fixing the file imports the rest.
 */
export async function runImport(deps: CoreDeps, opts: ImportOptions): Promise<ImportReport> {
  await requireSite(deps, opts.siteId);
  const started = deps.now();
  const report: ImportReport = {
    source: opts.source,
    file: opts.file,
    imported: 0,
    byStatus: { approved: 0, held: 0, rejected: 0, pending: 0 },
    alreadyImported: 0,
    skipped: [],
    invalid: [],
    bytes: 0,
    seconds: 0,
  };
  const batchSize = opts.batchSize ?? 500;
  const deferred: Waiting[] = [];
  let batch: Waiting[] = [];
  const onBytes = (bytes: number) => {
    report.bytes = bytes;
    opts.onProgress?.(bytes, report.imported);
  };

  /** Stores what can be stored: comments without a parent or whose parent is imported; the others wait. */
  async function store(todo: Waiting[]): Promise<Waiting[]> {
    while (todo.length > 0) {
      const parents = await importedIds(deps, opts.siteId, opts.source, [...new Set(todo.flatMap((w) => w.comment.parentSourceId ?? []))]);
      const ready = todo.filter((w) => !w.comment.parentSourceId || parents.has(w.comment.parentSourceId));
      const waiting = todo.filter((w) => w.comment.parentSourceId && !parents.has(w.comment.parentSourceId));
      if (ready.length === 0) return waiting;
      const ids = await storeImportedComments(
        deps,
        opts.siteId,
        ready.map((w) => ({ comment: w.comment, parentId: w.comment.parentSourceId ? parents.get(w.comment.parentSourceId)! : null })),
        { rescore: opts.rescore === true },
      );
      const queued: string[] = [];
      ids.forEach((id, i) => {
        if (!id) return void report.alreadyImported++;
        report.imported++;
        const status = opts.rescore && ready[i]!.comment.status !== 'rejected' ? 'pending' : ready[i]!.comment.status;
        report.byStatus[status]++;
        if (status === 'pending') queued.push(id);
      });
      if (opts.queue && queued.length > 0) await opts.queue.addBulk(moderationJobsFor(queued.map((commentId) => ({ siteId: opts.siteId, commentId }))));
      todo = waiting;
    }
    return [];
  }

  const flush = async () => {
    deferred.push(...(await store(batch)));
    batch = [];
  };

  try {
    for await (const item of readExport(opts, onBytes)) {
      if (item.kind === 'skipped') report.skipped.push({ line: item.line, sourceId: item.sourceId, reason: item.reason });
      else if (item.kind === 'invalid') report.invalid.push({ line: item.line, ...(item.sourceId ? { sourceId: item.sourceId } : {}), reason: item.reason });
      else {
        batch.push({ comment: item.comment, line: item.line });
        if (batch.length >= batchSize) await flush();
      }
    }
  } catch (err) {
    if (!(err instanceof MalformedXmlError)) throw err;
    report.error = err.message;
  }
  await flush();
  // replies that came before their parent: the parent may have come since
  for (const orphan of await store(deferred.splice(0))) {
    report.invalid.push({ line: orphan.line, sourceId: orphan.comment.sourceId, reason: `its parent ${orphan.comment.parentSourceId} is not in the export` });
  }
  report.invalid.sort((a, b) => a.line - b.line);
  report.seconds = (deps.now() - started) / 1000;
  return report;
}

function readExport(opts: ImportOptions, onBytes: (n: number) => void): AsyncGenerator<ReadItem> {
  if (opts.source === 'disqus') {
    const articleIds = opts.articleIds === 'link' ? 'link' : 'identifier';
    return readDisqusExport(opts.file, { articleIds, onBytes });
  }
  const articleIds = opts.articleIds === 'id' || opts.articleIds === 'link' ? opts.articleIds : 'slug';
  return readWordPressExport(opts.file, { articleIds, onBytes });
}
