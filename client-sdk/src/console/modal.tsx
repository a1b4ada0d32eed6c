import { render, type ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from './i18n.js';

export interface ModalOptions {
  title: string;
  /** The dialog's fields and text. */
  content: ComponentChildren;
  /** Without it the dialog only has a close button (help). */
  confirmLabel?: string;
  /** False keeps the dialog open (e.g. a required field is empty). */
  validate?: () => boolean;
  /** CSS selector of the element to focus first, inside the dialog. */
  initialFocus?: string;
}

let openCount = 0;
/** Whether a console dialog is open: the console's own keys are off meanwhile. */
export const dialogOpen = (): boolean => openCount > 0;
let nextId = 0;

function Modal(props: ModalOptions & { finish(ok: boolean): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useRef(`dialog-title-${++nextId}`).current;
  useEffect(() => {
    const dialog = ref.current!;
    dialog.showModal();
    (dialog.querySelector<HTMLElement>(props.initialFocus ?? 'input, select, textarea, button') ?? dialog).focus();
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    const target = e.target as HTMLElement;
    if (e.key === 'Escape') {
      e.preventDefault();
      props.finish(false);
    } else if (e.key === 'Enter' && !(target instanceof HTMLTextAreaElement) && !(target instanceof HTMLButtonElement)) {
      e.preventDefault();
      props.finish(props.confirmLabel !== undefined);
    }
  };
  return (
    <dialog ref={ref} class="modal" aria-labelledby={titleId} onKeyDown={onKeyDown} onCancel={(e) => (e.preventDefault(), props.finish(false))}>
      <h2 id={titleId}>{props.title}</h2>
      {props.content}
      <div class="dialog-buttons">
        {props.confirmLabel ? (
          <button type="button" class="primary" onClick={() => props.finish(true)}>
            {props.confirmLabel}
          </button>
        ) : null}
        <button type="button" onClick={() => props.finish(false)}>
          {props.confirmLabel ? t('cancel') : t('close')}
        </button>
      </div>
    </dialog>
  );
}

/**
 * A modal <dialog>: Enter confirms (except in a textarea or on a button), Escape cancels.
 * Resolves true when confirmed, false when cancelled; focus returns where it was.
 */
export function openModal(opts: ModalOptions): Promise<boolean> {
  const previous = document.activeElement as HTMLElement | null;
  const host = document.createElement('div');
  document.body.appendChild(host);
  openCount++;
  return new Promise((resolve) => {
    let done = false;
    const finish = (ok: boolean) => {
      if (done) return;
      if (ok && opts.validate && !opts.validate()) return;
      done = true;
      openCount--;
      render(null, host);
      host.remove();
      previous?.focus?.();
      resolve(ok);
    };
    render(<Modal {...opts} finish={finish} />, host);
  });
}
