import { button, h, type Child } from './element.js';
import { t } from './i18n.js';

export interface ModalOptions {
  title: string;
  content: Child[];
  /** Without it the dialog only has a close button (help). */
  confirmLabel?: string;
  /** False keeps the dialog open (e.g. a required field is empty). */
  validate?: () => boolean;
  /** Element to focus first. */
  initialFocus?: () => HTMLElement | null;
}

let openCount = 0;
/** Whether a console dialog is open: the console's own keys are off meanwhile. */
export const dialogOpen = (): boolean => openCount > 0;

/**
 * A modal <dialog>: Enter confirms (except in a textarea or on a button), Escape cancels.
 * Resolves true when confirmed, false when cancelled; focus returns where it was.
 */
export function openModal(opts: ModalOptions): Promise<boolean> {
  const previous = document.activeElement as HTMLElement | null;
  const titleId = `dialog-title-${Math.random().toString(36).slice(2)}`;
  const dialog = h('dialog', { class: 'modal', 'aria-labelledby': titleId });
  openCount++;
  return new Promise((resolve) => {
    let done = false;
    const finish = (ok: boolean) => {
      if (done) return;
      if (ok && opts.validate && !opts.validate()) return;
      done = true;
      openCount--;
      dialog.close();
      dialog.remove();
      previous?.focus?.();
      resolve(ok);
    };
    const buttons = h(
      'div',
      { class: 'dialog-buttons' },
      opts.confirmLabel ? button(opts.confirmLabel, () => finish(true), { class: 'primary' }) : null,
      button(opts.confirmLabel ? t('cancel') : t('close'), () => finish(false)),
    );
    dialog.append(h('h2', { id: titleId }, opts.title), ...opts.content.filter((c): c is Node | string => !!c), buttons);
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      finish(false);
    });
    dialog.addEventListener('keydown', (e) => {
      e.stopPropagation();
      const target = e.target as HTMLElement;
      if (e.key === 'Escape') {
        e.preventDefault();
        finish(false);
      } else if (e.key === 'Enter' && !(target instanceof HTMLTextAreaElement) && !(target instanceof HTMLButtonElement)) {
        e.preventDefault();
        finish(opts.confirmLabel !== undefined);
      }
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    (opts.initialFocus?.() ?? dialog.querySelector<HTMLElement>('input, select, textarea, button'))?.focus();
  });
}
