/**
 * Imports the comments of a Disqus or WordPress export into a Palabre site (docs/import.md).
 * Usage: npm run import -- --site SITE_ID --from disqus|wordpress export.xml
 *          [--article-id identifier|link|slug|id] [--rescore] [--report report.json] [--no-progress]
 * Reads the same environment as the server (REDIS_URL, KEY_PREFIX). Exits 0 when the file was
 * read to its end (invalid comments are listed in the report), 1 when it was not, 2 on bad usage.
 */
import { statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { loadConfigOrExit } from '../core/config.js';
import { newId } from '../core/ids.js';
import { createLogger } from '../core/logger.js';
import { createModerationQueues } from '../core/queue/moderation-queue.js';
import { createRedis } from '../core/redis/connection.js';
import { redisKeys } from '../core/redis/keys.js';
import { isPalabreError } from '../core/errors.js';
import { IMPORT_SOURCES, type ImportSource } from '../protocol/comment.js';
import { isOneOf } from '../protocol/is-one-of.js';
import { runImport, type ImportReport } from './import/run-import.js';

const ARTICLE_IDS = ['identifier', 'link', 'slug', 'id'] as const;
const usage = `usage: npm run import -- --site SITE_ID --from ${IMPORT_SOURCES.join('|')} export.xml [--article-id ${ARTICLE_IDS.join('|')}] [--rescore] [--report report.json] [--no-progress]`;

function fail(message: string, code = 2): never {
  process.stderr.write(`palabre import: ${message}\n`);
  process.exit(code);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        site: { type: 'string' },
        from: { type: 'string' },
        'article-id': { type: 'string' },
        rescore: { type: 'boolean', default: false },
        report: { type: 'string' },
        'no-progress': { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    return fail(`${(err as Error).message}\n${usage}`);
  }
})();
const file = positionals[0];
if (!values.site || !values.from || !file || positionals.length > 1) fail(usage);
if (!isOneOf(IMPORT_SOURCES, values.from)) fail(`--from must be ${IMPORT_SOURCES.join(' or ')}\n${usage}`);
const articleIds = values['article-id'];
if (articleIds !== undefined && !isOneOf(ARTICLE_IDS, articleIds)) fail(`--article-id must be one of ${ARTICLE_IDS.join(', ')}`);
let size: number;
try {
  size = statSync(file).size;
} catch {
  fail(`cannot read ${file}`);
}
const source: ImportSource = values.from;

const config = loadConfigOrExit();
const redis = createRedis(config.REDIS_URL);
await redis.connect();
const keys = redisKeys(config.KEY_PREFIX);
const deps = { redis, keys, log: createLogger('warn', 'import'), now: Date.now, newId };
const queues = values.rescore ? createModerationQueues(redis, keys, config.MODERATION_QUEUE_SHARDS) : undefined;
const queue = queues?.forSite(values.site);

const bar = values['no-progress']
  ? undefined
  : new SingleBar({
      format: 'importing {bar} {percentage}% | {mb}/{totalMb} MB | {imported} comments | {eta_formatted} left',
      stream: process.stderr,
      hideCursor: true,
    });
bar?.start(size, 0, { mb: '0', totalMb: (size / 1e6).toFixed(1), imported: 0 });

let report: ImportReport;
try {
  report = await runImport(deps, {
    siteId: values.site,
    source,
    file,
    rescore: values.rescore,
    ...(articleIds ? { articleIds } : {}),
    ...(queue ? { queue } : {}),
    onProgress: (bytes, imported) => bar?.update(bytes, { mb: (bytes / 1e6).toFixed(1), imported }),
  });
} catch (err) {
  bar?.stop();
  await queues?.close();
  await redis.quit();
  fail(isPalabreError(err) ? `${err.code}: ${err.message}` : String((err as Error).stack ?? err), 1);
}
bar?.update(report.bytes, { mb: (report.bytes / 1e6).toFixed(1), imported: report.imported });
bar?.stop();
await queues?.close();
await redis.quit();

process.stdout.write(summary(report));
if (values.report) writeFileSync(values.report, `${JSON.stringify(report, null, 2)}\n`);
process.exit(report.error ? 1 : 0);

/** The report for a person: counts, then the first problems with their lines. */
function summary(r: ImportReport): string {
  const lines = [
    `${r.source} export ${r.file}: ${r.bytes < 1e6 ? `${(r.bytes / 1e3).toFixed(1)} kB` : `${(r.bytes / 1e6).toFixed(1)} MB`} in ${r.seconds.toFixed(1)} s`,
    `  imported: ${r.imported} (approved ${r.byStatus.approved}, held ${r.byStatus.held}, rejected ${r.byStatus.rejected}, pending for the checks ${r.byStatus.pending})`,
    `  already imported: ${r.alreadyImported}`,
    `  skipped: ${r.skipped.length}${r.skipped.length ? ` (${[...new Set(r.skipped.map((s) => s.reason))].join('; ')})` : ''}`,
    `  invalid: ${r.invalid.length}`,
    ...r.invalid.slice(0, 20).map((p) => `    line ${p.line}${p.sourceId ? ` (id ${p.sourceId})` : ''}: ${p.reason}`),
    ...(r.invalid.length > 20 ? [`    … and ${r.invalid.length - 20} more${values.report ? ` in ${values.report}` : ' (--report FILE lists them all)'}`] : []),
    ...(r.error ? [`  stopped: ${r.error}`, '  the comments read before that point are imported; fix the file and run again to import the rest'] : []),
  ];
  return `${lines.join('\n')}\n`;
}
