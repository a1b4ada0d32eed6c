import type { PublicComment } from '../../../protocol/comment.js';
import { commentView, type CommentView, type CommentViewContext } from './comment-view.js';
import { el } from './create-element.js';

interface Rendered extends CommentView {
  depth: number;
  pending: boolean;
}

/**
 * The rendered thread: approved comments oldest first with replies nested, plus the reader's
 * own pending comments. Keeps an index by id so live events update in place.
 */
export function threadView(ctx: CommentViewContext, hooks: { beforeRemove?: (item: HTMLLIElement) => void } = {}) {
  const list = el('ul', { className: 'pal-list' });
  const byId = new Map<string, Rendered>();

  const forget = (item: HTMLLIElement) => {
    hooks.beforeRemove?.(item);
    for (const node of [item, ...item.querySelectorAll('[data-comment-id]')]) {
      const id = (node as HTMLElement).dataset.commentId;
      if (id) byId.delete(id);
    }
  };
  /** Where a comment goes: its parent's replies, or the root list; null when the parent is not shown. */
  const placeFor = (c: PublicComment): { into: HTMLUListElement; depth: number } | null => {
    if (!c.parentId) return { into: list, depth: 0 };
    const parent = byId.get(c.parentId);
    return parent ? { into: parent.replies, depth: parent.depth + 1 } : null;
  };
  // new approved roots go before the reader's pending ones, which stay at the end
  const appendTo = (into: HTMLUListElement, item: HTMLLIElement, pending: boolean) => {
    const firstPending = pending ? null : [...into.children].find((n) => n.classList.contains('pal-pending'));
    into.insertBefore(item, firstPending ?? null);
  };
  const render = (c: PublicComment, into: HTMLUListElement, depth: number, pending: boolean, replace?: Element, refusal?: readonly string[]) => {
    const view = commentView(c, depth, pending, ctx, refusal);
    if (replace) replace.replaceWith(view.item);
    else appendTo(into, view.item, pending);
    byId.set(c.id, { ...view, depth, pending });
    for (const reply of c.replies ?? []) render(reply, view.replies, depth + 1, false);
  };

  return {
    element: list,
    /** Appends a page of `list()`; a comment already shown (it arrived live) moves into its place. */
    appendPage(comments: PublicComment[]): void {
      for (const c of comments) {
        const existing = byId.get(c.id);
        if (existing) {
          forget(existing.item);
          existing.item.remove();
        }
        render(c, list, 0, false);
      }
    },
    /** Shows a newly approved comment; replaces the reader's pending copy. False when not shown. */
    publish(c: PublicComment): boolean {
      const existing = byId.get(c.id);
      if (existing && !existing.pending) return false;
      const place = existing ? { into: existing.item.parentElement as HTMLUListElement, depth: existing.depth } : placeFor(c);
      if (!place) return false;
      render({ ...c, replies: [] }, place.into, place.depth, false, existing?.item);
      return true;
    },
    /** Shows the reader's own comment, awaiting moderation, where it will appear. */
    addPending(c: PublicComment): void {
      if (byId.has(c.id)) return;
      const place = placeFor(c) ?? { into: list, depth: 0 };
      render({ ...c, replies: [] }, place.into, place.depth, true);
    },
    /** Shows the reader's own comment that moderation refused, with why; only they see it. */
    addRefused(c: PublicComment, reasons: readonly string[]): void {
      if (byId.has(c.id)) return;
      const place = placeFor(c) ?? { into: list, depth: 0 };
      render({ ...c, replies: [] }, place.into, place.depth, true, undefined, reasons);
    },
    remove(id: string): boolean {
      const existing = byId.get(id);
      if (!existing) return false;
      forget(existing.item);
      existing.item.remove();
      return true;
    },
    has: (id: string) => byId.has(id),
    isPending: (id: string) => byId.get(id)?.pending === true,
    clear(): void {
      list.replaceChildren();
      byId.clear();
    },
  };
}

export type ThreadView = ReturnType<typeof threadView>;
