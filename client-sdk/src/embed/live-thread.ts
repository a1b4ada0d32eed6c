import type { CommentsClient } from '../comments-client.js';
import type { PublicComment } from '../../../protocol/comment.js';
import type { ResumableSubscription } from '../resumable-subscription.js';
import type { Strings } from './i18n.js';
import type { ThreadView } from './thread-view.js';

export interface LiveThreadContext {
  client: CommentsClient;
  articleId: string;
  thread: ThreadView;
  /** The reader's own comments still awaiting moderation, by id. */
  pendingOwn: Map<string, PublicComment>;
  t: Strings;
  announce: (message: string) => void;
  /** The number of approved comments changed. */
  countChanged: () => void;
  /** Too many events were missed: render the thread again from the API. */
  reload: () => void;
  /** The article was closed to new comments or reopened. */
  closedChanged: (closed: boolean) => void;
}

/** Keeps the thread current: newly approved comments in place, removed ones out, announced. */
export function followLive(ctx: LiveThreadContext): ResumableSubscription {
  const { thread, pendingOwn, t } = ctx;
  let warned = false;
  return ctx.client.subscribe(ctx.articleId, {
    published(comment) {
      const own = pendingOwn.delete(comment.id);
      if (!thread.publish(comment)) return;
      ctx.announce(own ? t.ownPublished : t.newComment(comment.author.name));
      ctx.countChanged();
    },
    removed(commentId) {
      pendingOwn.delete(commentId);
      if (thread.remove(commentId)) ctx.countChanged();
    },
    resync: ctx.reload,
    closedChanged: ctx.closedChanged,
    error(err) {
      // once: socket.io keeps retrying, and the thread works without live updates
      if (!warned) console.warn(`Palabre: live updates unavailable (${err.code}); retrying in the background`);
      warned = true;
    },
  });
}

/**
 * Once subscribed, lists the first page again and shows what was approved between the first
 * list and the subscription, which no event will bring.
 */
export async function catchUp(ctx: LiveThreadContext, pageSize: number): Promise<void> {
  const page = await ctx.client.list(ctx.articleId, { limit: pageSize }).catch(() => null);
  let added = false;
  const publishAll = (comments: PublicComment[]) => {
    for (const c of comments) {
      if (ctx.thread.publish(c)) {
        added = true;
        ctx.pendingOwn.delete(c.id);
      }
      publishAll(c.replies ?? []);
    }
  };
  publishAll(page?.comments ?? []);
  if (added) ctx.countChanged();
}

/** Shows the comment the reader just posted: awaiting moderation, unless already published. */
export function showOwnComment(ctx: LiveThreadContext, comment: PublicComment): void {
  const { thread, t } = ctx;
  // the live event may have beaten the 202 here
  if (thread.has(comment.id) && !thread.isPending(comment.id)) return ctx.announce(t.ownPublished);
  if (comment.status === 'approved') {
    thread.publish(comment);
    return ctx.announce(t.ownPublished);
  }
  ctx.pendingOwn.set(comment.id, comment);
  thread.addPending(comment);
  ctx.announce(`${t.pending}. ${t.pendingHint}`);
}
