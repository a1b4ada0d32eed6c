import { getComment } from '../../core/comments/comment-store.js';
import type { ProviderFeedbackJobData } from '../../core/queue/provider-queue.js';
import type { DecisionDeps } from '../decision/decision-deps.js';
import { akismetSubmit } from './akismet-client.js';

/**
 * Tells Akismet a moderator corrected it, so it learns the site's spam. Skipped when the
 * comment is gone or the site turned Akismet off since; errors throw so BullMQ retries.
 */
export async function sendAkismetFeedback(deps: DecisionDeps, data: ProviderFeedbackJobData): Promise<'sent' | 'skipped'> {
  const [comment, site] = await Promise.all([getComment(deps, data.siteId, data.commentId), deps.siteOf(data.siteId)]);
  const akismet = site?.policy.providers.akismet;
  if (!comment || !akismet?.enabled) return 'skipped';
  const lang = comment.lang === 'fr' || comment.lang === 'en' ? comment.lang : 'other';
  await akismetSubmit(akismet, { body: comment.body, authorName: comment.author.name, lang, createdAt: comment.createdAt }, data.verdict);
  return 'sent';
}
