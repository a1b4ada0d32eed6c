import { dialogOpen } from './modal-dialog.js';

export interface KeyActions {
  next(): void;
  previous(): void;
  approve(): void;
  reject(): void;
  ban(): void;
  undo(): void;
  help(): void;
}

/** Keys are the moderator's when typing: never act on a key pressed in a field. */
const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || target.closest('input, textarea, select, [contenteditable]') !== null);

/** The console's single-key shortcuts; returns a function that removes them. */
export function bindKeys(target: Document, actions: KeyActions): () => void {
  const map: Record<string, () => void> = {
    j: actions.next,
    k: actions.previous,
    a: actions.approve,
    r: actions.reject,
    b: actions.ban,
    u: actions.undo,
    '?': actions.help,
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || dialogOpen() || isTyping(e.target)) return;
    const action = map[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
