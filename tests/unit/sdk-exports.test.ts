import { describe, expect, it } from 'vitest';
import * as sdk from '../../client-sdk/src/index.js';
import type {
  Ack,
  AckCallback,
  AckError,
  Article,
  ArticlePolicy,
  ArticleRef,
  Attribute,
  AuthorProfile,
  Comment,
  CommentsClient,
  CommentsClientEvents,
  CommentsClientOptions,
  CommentsHandlers,
  CommentsServerEvents,
  CommentsSubscribe,
  CommentStatus,
  DecisionTrace,
  ModelVersion,
  ModerationClaim,
  ModerationClientEvents,
  ModerationDecision,
  ModerationHandlers,
  ModerationReject,
  ModerationServerEvents,
  ModerationSubscribe,
  ModeratorClient,
  ModeratorClientOptions,
  ModeratorReason,
  NewCommentInput,
  PublicComment,
  QueueCounts,
  QueuePage,
  QueueStatus,
  Reason,
  ReasonLang,
  RejectionCode,
  RejectReason,
  ReportReason,
  ReportSummary,
  ResumableSubscription,
  Scores,
  Span,
  StatementGround,
  StatementOfReasons,
  SurgeFigures,
  ThreadPage,
} from '../../client-sdk/src/index.js';

// every type the SDK exported before protocol/ existed is still exported (this list does not compile otherwise)
export type SdkTypes = [
  Ack, AckCallback, AckError, Article, ArticlePolicy, ArticleRef, Attribute, AuthorProfile, Comment, CommentsClient,
  CommentsClientEvents, CommentsClientOptions, CommentsHandlers, CommentsServerEvents, CommentsSubscribe, CommentStatus,
  DecisionTrace, ModelVersion, ModerationClaim, ModerationClientEvents, ModerationDecision, ModerationHandlers,
  ModerationReject, ModerationServerEvents, ModerationSubscribe, ModeratorClient, ModeratorClientOptions, ModeratorReason,
  NewCommentInput, PublicComment, QueueCounts, QueuePage, QueueStatus, Reason, ReasonLang, RejectionCode, RejectReason,
  ReportReason, ReportSummary, ResumableSubscription, Scores, Span, StatementGround, StatementOfReasons, SurgeFigures, ThreadPage,
];

describe('the SDK entry point', () => {
  it('exports the same functions, classes and constants as before the protocol folder', () => {
    expect(Object.keys(sdk).sort()).toEqual(
      [
        'HttpError',
        'LABELLED_REASON_CODES',
        'NetworkError',
        'PalabreClientError',
        'REJECTION_CODES',
        'REPORT_REASONS',
        'createCommentsClient',
        'createModeratorClient',
        'isHttpError',
        'isNetworkError',
        'isPalabreClientError',
        'quoteSpans',
        'reasonLabel',
      ].sort(),
    );
  });
});
