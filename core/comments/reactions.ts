import type { CoreDeps } from '../deps.js';
import { errors } from '../errors.js';
import { EVENT_STREAM_MAXLEN } from '../events/site-event.js';
import { getComment } from './comment-store.js';
import { reactionScript } from './reaction-script.js';

export interface ReactionOutcome {
  /** Readers who like the comment now. */
  reactions: number;
  /** Whether this reader likes it now. */
  reacted: boolean;
}

/**
 * One reader likes a published comment ("J'apprécie"), or takes the like back: one like per
 * reader, so liking twice changes nothing. A comment that is not published is not found, for
 * readers do not know it exists.
 */
export async function setReaction(
  deps: CoreDeps,
  input: { siteId: string; commentId: string; readerId: string; add: boolean },
): Promise<ReactionOutcome> {
  const { keys } = deps;
  const comment = await getComment(deps, input.siteId, input.commentId);
  if (!comment || comment.status !== 'approved') throw errors.commentNotFound();
  const [outcome, count] = (await reactionScript.run(
    deps.redis,
    [
      keys.comment(input.siteId, input.commentId),
      keys.reactors(input.siteId, input.commentId),
      keys.authorReactions(input.siteId, input.readerId),
      keys.articleRanked(input.siteId, comment.articleId, 'reactions'),
      keys.events(input.siteId),
    ],
    [JSON.stringify({ siteId: input.siteId, commentId: input.commentId, readerId: input.readerId, add: input.add, maxlen: EVENT_STREAM_MAXLEN })],
  )) as [string, number, number];
  if (outcome !== 'ok') throw errors.commentNotFound(); // unpublished between the read and the script
  return { reactions: Math.max(0, count), reacted: input.add };
}

/**
 * Takes one reader's like back whatever the comment's status (an erasure): the count goes
 * down; readers are told only of a published comment. True when there was a like.
 */
export async function takeBackReaction(deps: CoreDeps, siteId: string, commentId: string, readerId: string): Promise<boolean> {
  const comment = await getComment(deps, siteId, commentId);
  if (!comment) return false;
  const [, , changed] = (await reactionScript.run(
    deps.redis,
    [
      deps.keys.comment(siteId, commentId),
      deps.keys.reactors(siteId, commentId),
      deps.keys.authorReactions(siteId, readerId),
      deps.keys.articleRanked(siteId, comment.articleId, 'reactions'),
      deps.keys.events(siteId),
    ],
    [JSON.stringify({ siteId, commentId, readerId, add: false, anyStatus: true, maxlen: EVENT_STREAM_MAXLEN })],
  )) as [string, number, number];
  return changed === 1;
}

/** Which of these comments one reader likes, in one round trip. */
export async function reactedBy(deps: CoreDeps, siteId: string, readerId: string, commentIds: string[]): Promise<Set<string>> {
  if (commentIds.length === 0) return new Set();
  const pipe = deps.redis.pipeline();
  for (const id of commentIds) pipe.sismember(deps.keys.reactors(siteId, id), readerId);
  const rows = (await pipe.exec()) ?? [];
  return new Set(commentIds.filter((_, i) => rows[i]?.[1] === 1));
}
