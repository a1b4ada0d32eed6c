import type { ReportReason, ReportSummary } from '../../protocol/comment.js';
import type { CoreDeps } from '../deps.js';
import { LuaScript } from '../redis/lua-script.js';
import { STATS_TTL_SECONDS, utcDay } from '../stats/stats-fields.js';


export interface StoredReport {
  reason: ReportReason;
  note?: string;
  at: string;
}

/**
 * One report per reader per comment. KEYS: 1 reports hash, 2 comment, 3 reported queue,
 * 4 author, 5 stats day, 6 reader's reports index. ARGV: 1 reader id, 2 report JSON, 3 stats ttl, 4 comment id.
 * Returns the comment's report count after this one, or -1 for a repeated report.
 */
const reportScript = new LuaScript(`
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return -1 end
local count = redis.call('HINCRBY', KEYS[2], 'reportCount', 1)
redis.call('ZADD', KEYS[3], -count, redis.call('HGET', KEYS[2], 'id'))
redis.call('HINCRBY', KEYS[4], 'reported', 1)
redis.call('HINCRBY', KEYS[5], 'reports', 1)
redis.call('EXPIRE', KEYS[5], ARGV[3])
redis.call('ZADD', KEYS[6], 0, ARGV[4])
return count
`);

/** Records a reader's report; `count` is null when this reader had already reported the comment. */
export async function addReport(
  deps: CoreDeps,
  input: { siteId: string; commentId: string; authorId: string; readerId: string; reason: ReportReason; note?: string | undefined },
): Promise<{ count: number | null }> {
  const report: StoredReport = {
    reason: input.reason,
    ...(input.note ? { note: input.note } : {}),
    at: new Date(deps.now()).toISOString(),
  };
  const count = (await reportScript.run(
    deps.redis,
    [
      deps.keys.reports(input.siteId, input.commentId),
      deps.keys.comment(input.siteId, input.commentId),
      deps.keys.reviewQueue(input.siteId, 'reported'),
      deps.keys.author(input.siteId, input.authorId),
      deps.keys.statsDay(input.siteId, utcDay(deps.now())),
      deps.keys.authorReports(input.siteId, input.readerId),
    ],
    [input.readerId, JSON.stringify(report), STATS_TTL_SECONDS, input.commentId],
  )) as number;
  return { count: count < 0 ? null : count };
}

/** Reports of several comments, grouped by reason, in one round trip. */
export async function reportSummaries(deps: CoreDeps, siteId: string, commentIds: string[]): Promise<Map<string, ReportSummary>> {
  const out = new Map<string, ReportSummary>();
  if (commentIds.length === 0) return out;
  const pipe = deps.redis.pipeline();
  for (const id of commentIds) pipe.hvals(deps.keys.reports(siteId, id));
  const rows = (await pipe.exec()) ?? [];
  commentIds.forEach((id, i) => {
    const reports = ((rows[i]?.[1] as string[] | undefined) ?? []).map((j) => JSON.parse(j) as StoredReport);
    if (reports.length > 0) out.set(id, summarize(reports));
  });
  return out;
}

function summarize(reports: StoredReport[]): ReportSummary {
  const byReason: ReportSummary['byReason'] = {};
  for (const r of reports) byReason[r.reason] = (byReason[r.reason] ?? 0) + 1;
  const notes = reports
    .filter((r): r is StoredReport & { note: string } => Boolean(r.note))
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, 20)
    .map((r) => ({ reason: r.reason, note: r.note, at: r.at }));
  return { total: reports.length, byReason, notes };
}
