export { createCommentsClient, type CommentsClient, type CommentsClientOptions, type CommentsHandlers, type NewCommentInput, type ThreadPage, type ThreadQuery } from './comments-client.js';
export {
  createModeratorClient,
  type ModerationHandlers,
  type ModeratorClient,
  type ModeratorClientOptions,
  type QueuePage,
  type QueueStatus,
  type RejectReason,
} from './moderator-client.js';
export {
  HttpError,
  isHttpError,
  isNetworkError,
  isPalabreClientError,
  NetworkError,
  PalabreClientError,
  type ClientErrorCode,
  type HttpErrorCode,
} from './errors.js';
export type { components, OperationId, OperationInput, OperationResult, operations, PalabreApi, paths } from './api-client.js';
export { ERROR_CODES, type ErrorBody, type ErrorCode } from '../../protocol/error-codes.js';
export type { ResumableSubscription } from './resumable-subscription.js';
export { CHALLENGE_CODES, solveProofOfWork } from './proof-of-work.js';
export { CHALLENGE_HEADER, CHALLENGE_MODES } from '../../protocol/flood.js';
export type * from '../../protocol/flood.js';
export { REJECTION_CODES, REPORT_REASONS, THREAD_SORTS } from '../../protocol/comment.js';
export type * from '../../protocol/comment.js';
export type { Attribute, Scores } from '../../protocol/attribute.js';
export type { CommentStatus } from '../../protocol/comment-status.js';
export type { DecisionTrace } from '../../protocol/decision.js';
export type { ModelVersion, Reason, ReasonCode, Span, ThresholdCrossing } from '../../protocol/reason.js';
export type { AuthorProfile } from '../../protocol/author.js';
export { LABELLED_REASON_CODES, quoteSpans, reasonLabel, type ReasonLang } from './reason-labels.js';
export type * from '../../protocol/article.js';
export type * from '../../protocol/statement.js';
export type * from '../../protocol/events.js';
