import { AUDIT_MAXLEN, auditJson } from '../../core/audit/audit-log.js';
import { EVENT_STREAM_MAXLEN } from '../../core/events/site-event.js';
import type { FloodPolicy } from '../../core/flood/flood-policy.js';
import type { Comment } from '../../protocol/comment.js';
import type { CommentStatus } from '../../protocol/comment-status.js';
import type { SiteEvent } from '../../protocol/events.js';
import { FLOOD_SIGNALS, type AttackFigures, type FloodSignal } from '../../protocol/flood.js';
import type { Reason } from '../../protocol/reason.js';
import { countFloodSignal } from '../metrics/worker-metrics.js';
import { raiseAlertOrLog, type SurgeDeps } from '../surge/surge-deps.js';
import { minuteOf, staleRateFields, windowFigures } from './attack-figures.js';
import { countIntoAttackScript, startAttackScript } from './attack-scripts.js';

export interface FloodInput {
  comment: Comment;
  /** The automatic decision just written. */
  status: CommentStatus;
  reasons: readonly Reason[];
  policy: FloodPolicy;
}

/** The flood signals among a decision's reasons (each signal is also its reason code). */
export const floodSignalsOf = (reasons: readonly Reason[]): FloodSignal[] =>
  FLOOD_SIGNALS.filter((s) => reasons.some((r) => r.code === s));

/**
 * After a decision whose reasons carry flood signals: counts them in /metrics; when the comment
 * was held or rejected, puts the article under a flood signal on a text campaign (the write gate
 * then asks its new readers for a proof of work) and counts the comment into the site's attack,
 * or starts one when the window's flagged comments reach the policy's line. Nothing for an ordinary comment; one or
 * two round trips for a flagged one, a script when an attack starts. Returns whether it started one.
 */
export async function trackFlood(deps: SurgeDeps, input: FloodInput): Promise<boolean> {
  const signals = floodSignalsOf(input.reasons);
  if (signals.length === 0) return false;
  for (const s of signals) countFloodSignal(s);
  // a signal that held nothing (a new reader typing like a person behind a busy carrier address)
  // is no attack: only what the signals stopped counts towards one
  if (input.status === 'approved') return false;
  const { comment, policy } = input;
  const { siteId, articleId } = comment;
  const now = deps.now();
  const heldOrRejected = 1;
  if (signals.includes('text_campaign')) {
    await deps.redis.set(deps.keys.floodSignal(siteId, 'art', articleId), '1', 'EX', policy.signalSeconds);
  }
  const plan = { nowMs: String(now), heldOrRejected, signals, articleId };
  if ((await countIntoAttackScript.run(deps.redis, [deps.keys.attack(siteId)], [JSON.stringify(plan)])) === 1) return false;

  const minute = minuteOf(now);
  const key = deps.keys.floodRate(siteId);
  // a pipeline, not MULTI: one key, and a count read a moment late changes nothing
  const tx = deps.redis.pipeline().hincrby(key, `n:${minute}`, 1).hincrby(key, `a:${articleId}`, 1);
  if (heldOrRejected) tx.hincrby(key, `h:${minute}`, 1);
  for (const s of signals) tx.hincrby(key, `${s}:${minute}`, 1);
  tx.expire(key, policy.attackWindowSeconds + 120).hgetall(key);
  const rows = (await tx.exec()) ?? [];
  const rate = (rows[rows.length - 1]?.[1] ?? {}) as Record<string, string>;
  const stale = staleRateFields(rate, minute, policy.attackWindowSeconds);
  if (stale.length > 0) await deps.redis.hdel(key, ...stale);
  const figures = windowFigures(rate, minute, policy.attackWindowSeconds);
  if (figures.windowCount < policy.attackMinComments) return false;
  return startAttack(deps, siteId, figures, now);
}

async function startAttack(deps: SurgeDeps, siteId: string, figures: AttackFigures, now: number): Promise<boolean> {
  const startedAt = new Date(now).toISOString();
  const event: SiteEvent = { type: 'attack.started', siteId, figures, startedAt };
  const fields = [
    ['startedAt', String(now)],
    ['lastSignalAt', String(now)],
    ['flagged', String(figures.flagged)],
    ['heldOrRejected', String(figures.heldOrRejected)],
    ['windowCount', String(figures.windowCount)],
    ['windowSeconds', String(figures.windowSeconds)],
    ...Object.entries(figures.signals).map(([s, n]) => [`s:${s}`, String(n)]),
    ...figures.articles.map((a) => [`art:${a.id}`, String(a.flagged)]),
  ].flat();
  const plan = {
    fields,
    audit: auditJson({
      at: startedAt,
      actor: { kind: 'system', id: 'flood' },
      action: 'site.attack_start',
      target: { type: 'site', id: siteId },
      after: { figures },
    }),
    auditMaxlen: AUDIT_MAXLEN,
    event: JSON.stringify(event),
    maxlen: EVENT_STREAM_MAXLEN,
  };
  const keys = [deps.keys.attack(siteId), deps.keys.audit(siteId), deps.keys.events(siteId)];
  if ((await startAttackScript.run(deps.redis, keys, [JSON.stringify(plan)])) !== 1) return false;
  deps.log.warn({ siteId, figures }, 'attack started: flood signals crossed the line');
  await raiseAlertOrLog(deps, siteId, { type: 'attack.started', id: `attack-${now}`, occurredAt: now, data: { figures, startedAt } });
  return true;
}

/** `trackFlood` for the decision paths: the comment is already decided, so a failure is only logged. */
export async function trackFloodAfterDecision(deps: SurgeDeps, input: FloodInput): Promise<void> {
  await trackFlood(deps, input).catch((err: unknown) =>
    deps.log.warn({ err: (err as Error).message, siteId: input.comment.siteId }, 'flood tracking failed'),
  );
}
