import type { Comment } from '../../protocol/comment.js';
import type { ProviderAnswer, ProviderName } from '../../core/queue/provider-queue.js';
import type { ProvidersPolicy } from '../../core/sites/provider-policy.js';
import { AKISMET_API_VERSION, akismetCommentCheck } from './akismet-client.js';
import { classifyOverHttp } from './http-classifier-client.js';
import type { CommentLanguage } from '../../protocol/language.js';
import { reasonSource } from '../../protocol/reason.js';

/** The reason of a comment Akismet calls spam. */
export const akismetReasons = reasonSource('akismet', ['akismet_spam']);

/** Score given to a comment Akismet calls spam: above any sensible reject threshold but 1. */
export const AKISMET_SPAM_SCORE = 0.99;

export interface ProviderCall {
  comment: Comment;
  lang: CommentLanguage;
}

/** One outside provider: whether a site enabled it, and how to ask it about a comment. */
export interface Provider {
  name: ProviderName;
  /** Shown to moderators, e.g. in `Akismet did not answer: …`. */
  label: string;
  enabled(p: ProvidersPolicy): boolean;
  classify(p: ProvidersPolicy, call: ProviderCall): Promise<ProviderAnswer>;
}

const akismet: Provider = {
  name: 'akismet',
  label: 'Akismet',
  enabled: (p) => p.akismet?.enabled === true,
  async classify(p, { comment, lang }) {
    const verdict = await akismetCommentCheck(p.akismet!, {
      body: comment.body,
      authorName: comment.author.name,
      lang,
      createdAt: comment.createdAt,
    });
    const models = { akismet: AKISMET_API_VERSION };
    if (verdict === 'ham') return { result: {}, models };
    const discard = verdict === 'discard';
    const model = { id: 'akismet', version: AKISMET_API_VERSION };
    const message = discard ? 'Akismet says this is blatant spam (discard)' : 'Akismet says this is spam';
    return {
      result: {
        scores: { spam: AKISMET_SPAM_SCORE },
        scoredBy: model,
        reasons: [akismetReasons.reason('akismet_spam', message, { model })],
        // Akismet's "discard" means no human needs to see it
        ...(discard ? { status: 'rejected' as const } : {}),
      },
      models,
    };
  },
};

const http: Provider = {
  name: 'http',
  label: 'The HTTP classifier',
  enabled: (p) => p.http?.enabled === true,
  async classify(p, { comment, lang }) {
    const answer = await classifyOverHttp(p.http!, { id: comment.id, siteId: comment.siteId, text: comment.body, lang });
    const model = { id: 'httpClassifier', version: answer.model ?? 'unversioned' };
    return { result: { scores: answer.scores, scoredBy: model }, models: { [model.id]: model.version } };
  },
};

/** Every outside provider, in the order their reasons are listed. */
export const providers: readonly Provider[] = [akismet, http];
