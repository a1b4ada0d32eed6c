import type { PublicComment, ReportReason } from '../../../protocol/comment.js';
import { formatCommentDate, fullDate } from './comment-date.js';
import { el } from './create-element.js';
import type { Lang, Strings } from './i18n.js';
import { reportControl } from './report-button.js';

/** Replies nest this deep at most, like the server's thread (root = 0). */
export const MAX_DEPTH = 4;

export interface CommentViewContext {
  t: Strings;
  lang: Lang;
  now: () => number;
  onReply: (comment: PublicComment, item: HTMLLIElement, opener: HTMLElement) => void;
  report: (commentId: string, reason: ReportReason) => Promise<void>;
}

export interface CommentView {
  item: HTMLLIElement;
  /** Where replies go. */
  replies: HTMLUListElement;
}

/**
 * One comment as a list item: author, date, body, reply and report actions, and a nested list
 * for its replies. Every piece of reader data goes through textContent.
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
  const meta = el('div', { className: 'pal-meta' }, [
    el('span', { className: 'pal-author', text: comment.author.name, attrs: { id: authorId } }),
    time,
    pending ? el('span', { className: refusal ? 'pal-badge pal-refused' : 'pal-badge', text: refusal ? t.refused : t.pending }) : null,
  ]);
  const body = el('p', { className: 'pal-body', text: comment.body });
  const card = el('article', { className: 'pal-card', attrs: { 'aria-labelledby': authorId } }, [meta, body]);

  const item = el('li', { className: pending ? 'pal-comment pal-pending' : 'pal-comment' });
  item.dataset.commentId = comment.id;
  if (refusal) {
    card.append(
      el('p', { className: 'pal-hint', text: t.refusedHint }),
      el('ul', { className: 'pal-refusal' }, refusal.map((reason) => el('li', { text: reason }))),
    );
  } else if (pending) {
    card.append(el('p', { className: 'pal-hint', text: t.pendingHint }));
  } else {
    const actions = el('div', { className: 'pal-actions' });
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
  return { item, replies };
}
