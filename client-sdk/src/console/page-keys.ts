import { useEffect } from 'preact/hooks';
import { bindKeys, type KeyBinding } from './keyboard.js';

/** A page's shortcuts, in force while it is shown (the help dialog lists them). */
export function usePageKeys(bindings: readonly KeyBinding[]): void {
  useEffect(() => bindKeys('page', bindings));
}

/** Focuses the page's search or filter field (the `/` key). */
export const focusSearchField = (): void => document.querySelector<HTMLElement>('[data-search-field]')?.focus();
