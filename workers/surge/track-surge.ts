import { AUDIT_MAXLEN, auditJson } from '../../core/audit/audit-log.js';
import { articleRefOf } from '../../core/articles/article.js';
import { STATS_TTL_SECONDS, utcDay } from '../../core/stats/stats-fields.js';
import type { SurgeFigures } from '../../protocol/article.js';
import type { SurgePolicy } from '../../core/articles/surge-policy.js';
import type { Comment } from '../../protocol/comment.js';
import type { CommentStatus } from '../../protocol/comment-status.js';
import { EVENT_STREAM_MAXLEN } from '../../core/events/site-event.js';
import type { SiteEvent } from '../../protocol/events.js';
import { minuteOf, staleFields, surgeFigures } from './surge-figures.js';
import { raiseAlertOrLog, type SurgeDeps } from './surge-deps.js';
import { startSurgeScript } from './surge-scripts.js';

export interface SurgeInput {
  comment: Comment;
  /** The automatic decision just written. */
  status: CommentStatus;
  policy: SurgePolicy;
  /** The article hash as read before the decision (title, url, surge fields). */
  article: Record<string, string>;
}

/**
 * Counts a decided comment in its article's minute buckets and starts a surge when the counts
 * trip the policy: one round trip per comment (3 or 4 commands), a script only when a surge starts.
 * Counting at decision time lets the held share count; a retried job may count a comment twice.
 */
export async function trackSurge(deps: SurgeDeps, input: SurgeInput): Promise<SurgeFigures | null> {
  const { comment, policy } = input;
  if (!policy.enabled) return null;
  const now = deps.now();
  const minute = minuteOf(now);
  const key = deps.keys.articleRate(comment.siteId, comment.articleId);
  // a pipeline, not MULTI: one key, and a count read a moment late changes nothing (saves 2 commands)
  const tx = deps.redis.pipeline().hincrby(key, `n:${minute}`, 1);
  if (input.status !== 'approved') tx.hincrby(key, `h:${minute}`, 1);
  tx.expire(key, policy.windowSeconds + policy.baselineSeconds + 120).hgetall(key);
  const rows = (await tx.exec()) ?? [];
  const counts = (rows[rows.length - 1]?.[1] ?? {}) as Record<string, string>;
  const stale = staleFields(counts, minute, policy);
  if (stale.length > 0) await deps.redis.hdel(key, ...stale); // about once a minute per busy article
  if (Number(input.article.surgeUntil ?? 0) > now) return null; // already surging
  const figures = surgeFigures(counts, minute, policy);
  if (!figures) return null;
  const started = await startSurge(deps, comment.siteId, comment.articleId, input.article, figures, policy.durationSeconds);
  return started ? figures : null;
}

async function startSurge(
  deps: SurgeDeps,
  siteId: string,
  articleId: string,
  article: Record<string, string>,
  figures: SurgeFigures,
  durationSeconds: number,
): Promise<boolean> {
  const now = deps.now();
  const until = now + durationSeconds * 1000;
  const ref = articleRefOf({ id: articleId, title: article.title, url: article.url, section: article.section });
  const startedAt = new Date(now).toISOString();
  const untilIso = new Date(until).toISOString();
  const event: SiteEvent = { type: 'surge.started', siteId, article: ref, figures, startedAt, until: untilIso };
  const plan = {
    articleId,
    nowMs: String(now),
    untilMs: String(until),
    audit: auditJson({
      at: startedAt,
      actor: { kind: 'system', id: 'surge' },
      action: 'article.surge_start',
      target: { type: 'article', id: articleId },
      before: { mode: 'site policy' },
      after: { mode: 'pre', until: untilIso, figures },
    }),
    auditMaxlen: AUDIT_MAXLEN,
    event: JSON.stringify(event),
    maxlen: EVENT_STREAM_MAXLEN,
    statsTtl: STATS_TTL_SECONDS,
  };
  const keys = [
    deps.keys.article(siteId, articleId),
    deps.keys.surges(siteId),
    deps.keys.audit(siteId),
    deps.keys.events(siteId),
    deps.keys.statsDay(siteId, utcDay(now)),
  ];
  const started = (await startSurgeScript.run(deps.redis, keys, [JSON.stringify(plan)])) === 1;
  if (!started) return false;
  deps.log.info({ siteId, articleId, figures, until: untilIso }, 'surge started: article in pre-moderation');
  await raiseAlertOrLog(deps, siteId, {
    type: 'surge.started',
    id: `surge-${articleId}-${now}`,
    occurredAt: now,
    data: { article: ref, figures, startedAt, until: untilIso },
  });
  return true;
}

/** `trackSurge` for the decision paths: the comment is already decided, so a failure is only logged. */
export async function trackSurgeAfterDecision(deps: SurgeDeps, input: SurgeInput): Promise<void> {
  await trackSurge(deps, input).catch((err: unknown) =>
    deps.log.warn({ err: (err as Error).message, articleId: input.comment.articleId }, 'surge tracking failed'),
  );
}
