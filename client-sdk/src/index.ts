export { createCommentsClient, type CommentsClient, type CommentsClientOptions, type CommentsHandlers, type NewCommentInput, type ThreadPage } from './comments-client.js';
export {
  createModeratorClient,
  type AuthorProfile,
  type ModerationHandlers,
  type ModeratorClient,
  type ModeratorClientOptions,
  type QueuePage,
  type QueueStatus,
  type RejectReason,
} from './moderator-client.js';
export { HttpError, isHttpError, isNetworkError, isPalabreClientError, NetworkError, PalabreClientError } from './errors.js';
export type { ResumableSubscription } from './resumable-subscription.js';
export * from './comment-types.js';
export { LABELLED_REASON_CODES, quoteSpans, reasonLabel, type ReasonLang } from './reason-labels.js';
export type * from './article-types.js';
export type * from './statement-types.js';
export type * from './protocol.js';
