import { Counter, type Registry } from 'prom-client';
import type { CommentStatus } from '../../protocol/comment-status.js';

/** `auto`: the workers' checks; `moderator`: a human, through the server. */
export type DecidedBy = 'auto' | 'moderator';

/**
 * `palabre_comments_decided_total{decision, by}`: the workers count automatic decisions, the
 * server human ones, so a sum over every process is the site-wide rate. `pending` is no decision.
 */
export function createDecidedCounter(registry: Registry): (status: CommentStatus, by: DecidedBy) => void {
  const counter = new Counter({
    name: 'palabre_comments_decided_total',
    help: 'Comments decided, by decision (approved, held, rejected) and by whom (auto, moderator).',
    labelNames: ['decision', 'by'] as const,
    registers: [registry],
  });
  return (status, by) => {
    if (status !== 'pending') counter.inc({ decision: status, by });
  };
}
