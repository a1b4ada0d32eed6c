/**
 * The review queues moderators work through: one per comment status, plus comments with open
 * reader reports (Redis sorted sets, core/comments/review-queue.ts; not BullMQ queues).
 */
import { isOneOf } from './is-one-of.js';

export const REVIEW_QUEUES = ['pending', 'held', 'reported', 'approved', 'rejected'] as const;
export type ReviewQueue = (typeof REVIEW_QUEUES)[number];
export const isReviewQueue = (s: unknown): s is ReviewQueue => isOneOf(REVIEW_QUEUES, s);

/** Size of each review queue. */
export type ReviewQueueCounts = Record<ReviewQueue, number>;

/**
 * Where a held comment sorts, smallest first: the strongest severe harm (threat, call to
 * violence, dehumanisation) before anything else, then the riskiest score of any attribute.
 * The server orders the held queue by it and the console keeps its list in the same order.
 * @example heldSortKey({ severe: 0.9, toxicity: 0.9 }) < heldSortKey({ toxicity: 0.99 }) // true
 */
export function heldSortKey(scores: Partial<Record<string, number>> | undefined): number {
  const severe = Math.round((scores?.severe ?? 0) * 100);
  const risk = Math.max(0, ...Object.values(scores ?? {}).map((v) => v ?? 0));
  // severe in hundredths, two apart, so no risk difference (at most 1) reorders two severities
  return (100 - severe) * 2 + (1 - risk);
}
