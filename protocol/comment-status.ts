/** The statuses of a comment (types and constants only). */
import { isOneOf } from './is-one-of.js';

/** `pending` until decided; `approved` comments are published, `held` ones wait for a moderator. */
export const COMMENT_STATUSES = ['pending', 'approved', 'held', 'rejected'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];
export const isCommentStatus = (s: unknown): s is CommentStatus => isOneOf(COMMENT_STATUSES, s);
