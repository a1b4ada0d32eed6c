import type { PublicComment, ReportReason } from '../../../protocol/comment.js';
import { formatCommentDate, fullDate } from './comment-date.js';
import { el } from './create-element.js';
import type { Lang, Strings } from './i18n.js';
import { likeButton } from './like-button.js';
import { reportControl } from './report-button.js';

/** Replies nest this deep at most, like the server's thread (root = 0). */
export const MAX_DEPTH = 4;

export interface CommentViewContext {
  t: Strings;
  lang: Lang;
  now: () => number;
  onReply: (comment: PublicComment, item: HTMLLIElement, opener: HTMLElement) => void;
  report: (commentId: string, reason: ReportReason) => Promise<void>;
  /** Likes (`add`) or takes the like back; answers the count and the reader's state. */
  react: (commentId: string, add: boolean) => Promise<{ reactions: number; reacted: boolean }>;
  /** A like that could not be saved. */
  reactFailed: (err: unknown) => void;
}

export interface CommentView {
  item: HTMLLIElement;
  /** Where replies go. */
  replies: HTMLUListElement;
  /** The like count changed elsewhere. */
  setReactions(n: number): void;
  /** It became one of the newsroom's picks, or stopped being one. */
  setFeatured(featured: boolean): void;
}

/**
 * One comment as a list item: author (with the staff badge), date, the picks badge, body, like,
 * reply and report actions, and a nested list for its replies. Every piece of reader data goes
 * through textContent.
 */
export function commentView(
  comment: PublicComment,
  depth: number,
  pending: boolean,
  ctx: CommentViewContext,
  /** For the reader's own comment that was refused: why, in their language. */
  refusal?: readonly string[],
): CommentView {
  const { t, lang } = ctx;
  const authorId = `pal-c-${comment.id}-author`;
  const time = el('time', { text: formatCommentDate(comment.createdAt, lang, t, ctx.now()) });
  time.dateTime = comment.createdAt;
  time.title = fullDate(comment.createdAt, lang);
  const featuredBadge = el('span', { className: 'pal-badge pal-featured', text: t.featured });
  const meta = el('div', { className: 'pal-meta' }, [
    el('span', { className: 'pal-author', text: comment.author.name, attrs: { id: authorId } }),
    comment.author.staff ? el('span', { className: 'pal-badge pal-staff', text: t.staff }) : null,
    time,
    pending ? el('span', { className: refusal ? 'pal-badge pal-refused' : 'pal-badge', text: refusal ? t.refused : t.pending }) : featuredBadge,
  ]);
  const body = el('p', { className: 'pal-body', text: comment.body });
  const card = el('article', { className: 'pal-card', attrs: { 'aria-labelledby': authorId } }, [meta, body]);

  const item = el('li', { className: pending ? 'pal-comment pal-pending' : 'pal-comment' });
  item.dataset.commentId = comment.id;
  const setFeatured = (featured: boolean) => {
    featuredBadge.hidden = !featured;
    item.classList.toggle('pal-is-featured', featured);
  };
  setFeatured(comment.featured === true);
  let like: ReturnType<typeof likeButton> | undefined;
  if (refusal) {
    card.append(
      el('p', { className: 'pal-hint', text: t.refusedHint }),
      el('ul', { className: 'pal-refusal' }, refusal.map((reason) => el('li', { text: reason }))),
    );
  } else if (pending) {
    card.append(el('p', { className: 'pal-hint', text: t.pendingHint }));
  } else {
    like = likeButton(comment, { t, react: ctx.react, failed: ctx.reactFailed });
    const actions = el('div', { className: 'pal-actions' }, [like.button]);
    if (depth < MAX_DEPTH) {
      const reply = el('button', { className: 'pal-link pal-reply', text: t.reply, attrs: { type: 'button' } });
      reply.setAttribute('aria-label', `${t.reply} — ${comment.author.name}`);
      reply.addEventListener('click', () => ctx.onReply(comment, item, reply));
      actions.append(reply);
    }
    const report = reportControl(comment, { t, report: ctx.report });
    actions.append(report.button);
    card.append(actions, report.panel);
  }
  const replies = el('ul', { className: 'pal-replies' });
  item.append(card, replies);
  return { item, replies, setReactions: (n) => like?.setCount(n), setFeatured };
}
