import type { MessageKey } from './i18n.js';
import { dialogOpen } from './modal.js';

/** One shortcut: a key (`j`, `A` for shift+a, `?`), or a sequence (`g s`), and what it does. */
export interface KeyBinding {
  keys: string;
  /** What the help dialog says it does. */
  label: MessageKey;
  run(): void;
}

/** The bindings in force: the console's own, then the current page's (a page adds its set while it is shown). */
const active = new Map<string, readonly KeyBinding[]>();
const SEQUENCE_MS = 1500;

/** Inputs that take no text: a key pressed on a checkbox (a ticked card) is still a shortcut. */
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color']);

/** Keys are the moderator's when typing: never act on a key pressed in a field. */
const isTyping = (target: EventTarget | null): boolean => {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TYPED.has(target.type);
  return target.isContentEditable || target.closest('textarea, select, [contenteditable]') !== null;
};

/** Every binding in force, by the set it belongs to (`global`, or the page's name): what the help shows. */
export const activeBindings = (): Array<[string, readonly KeyBinding[]]> => [...active.entries()];

/** Puts a set of bindings in force under `name` (replacing the set of that name); returns a function that removes it. */
export function bindKeys(name: string, bindings: readonly KeyBinding[]): () => void {
  active.set(name, bindings);
  return () => {
    if (active.get(name) === bindings) active.delete(name);
  };
}

/** The one keydown listener of the console; returns a function that removes it. */
export function listenForKeys(target: Document): () => void {
  let prefix = '';
  let prefixAt = 0;
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || dialogOpen() || isTyping(e.target)) return;
    if (e.key === 'Shift') return;
    const key = prefix && Date.now() - prefixAt < SEQUENCE_MS ? `${prefix} ${e.key}` : e.key;
    prefix = '';
    const all = [...active.values()].flat();
    const binding = all.find((b) => b.keys === key);
    if (binding) {
      e.preventDefault();
      binding.run();
    } else if (all.some((b) => b.keys.startsWith(`${e.key} `))) {
      // the first key of a sequence (`g`): wait for the second
      prefix = e.key;
      prefixAt = Date.now();
      e.preventDefault();
    }
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
