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
