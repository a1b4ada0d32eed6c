import { el } from './create-element.js';

/** Kept so a burst of comments is announced one by one without the region growing forever. */
const KEEP = 5;

/**
 * A visually hidden aria-live="polite" region: every announcement is a new paragraph, which
 * screen readers read out even when the same sentence comes twice.
 */
export function liveAnnouncer() {
  const element = el('div', { className: 'pal-sr pal-live', attrs: { 'aria-live': 'polite', 'aria-atomic': 'false', 'aria-relevant': 'additions' } });
  return {
    element,
    announce(message: string): void {
      element.append(el('p', { text: message }));
      while (element.childElementCount > KEEP) element.firstElementChild?.remove();
    },
  };
}
