import type { PublicComment } from '../../../protocol/comment.js';
import { el } from './create-element.js';
import type { Strings } from './i18n.js';

export interface LikeButton {
  button: HTMLButtonElement;
  /** A new count from elsewhere (the live feed); the reader's own state stays. */
  setCount(n: number): void;
}

/**
 * "J'apprécie": a toggle button (`aria-pressed`) with the count; one like per reader, so the
 * server's answer is the truth and the button shows it.
 */
export function likeButton(
  comment: PublicComment,
  ctx: { t: Strings; react: (commentId: string, add: boolean) => Promise<{ reactions: number; reacted: boolean }>; failed: (err: unknown) => void },
): LikeButton {
  const { t } = ctx;
  const count = el('span', { className: 'pal-like-count' });
  const label = el('span', { text: t.like });
  const button = el('button', { className: 'pal-like', attrs: { type: 'button' } }, [label, count]);
  let reactions = comment.reactions ?? 0;
  let pressed = comment.reacted === true;
  const show = () => {
    button.setAttribute('aria-pressed', String(pressed));
    count.textContent = reactions > 0 ? String(reactions) : '';
    button.setAttribute('aria-label', `${t.like} — ${comment.author.name} (${t.likes(reactions)})`);
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const outcome = await ctx.react(comment.id, !pressed);
      reactions = outcome.reactions;
      pressed = outcome.reacted;
      show();
    } catch (err) {
      ctx.failed(err);
    } finally {
      button.disabled = false;
      button.focus();
    }
  });
  show();
  return {
    button,
    setCount(n) {
      reactions = n;
      show();
    },
  };
}
