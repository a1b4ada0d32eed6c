import type { PublicComment } from '../../../protocol/comment.js';
import { el, uniqueId } from './create-element.js';
import { errorMessage } from './error-message.js';
import type { Strings } from './i18n.js';

/** The server's limit, counted after NFC and trimming, as here. */
export const MAX_CHARS = 5000;
const NAME_KEY = 'palabre.authorName';

export interface PostFormOptions {
  t: Strings;
  /** The signed-in reader's name from the SSO token; hides the name field. */
  ssoName: string | undefined;
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
  /** Posts the comment; rejects with the SDK's typed errors. */
  submit: (input: { name: string; body: string; parentId: string | undefined; composeMs: number | undefined }) => Promise<void>;
}

export const countChars = (text: string): number => text.normalize('NFC').trim().length;

/**
 * The comment form: labelled name and text, a live character counter, errors in a
 * role="alert" element. One instance, moved under a comment to reply to it.
 */
export function postForm(opts: PostFormOptions) {
  const { t } = opts;
  const ids = { title: uniqueId('form-title'), name: uniqueId('name'), text: uniqueId('text'), counter: uniqueId('counter') };
  const title = el('p', { className: 'pal-form-title', text: t.formTitle, attrs: { id: ids.title } });
  const replyingText = el('span');
  const cancelReply = el('button', { className: 'pal-link', text: t.cancelReply, attrs: { type: 'button' } });
  const replying = el('p', { className: 'pal-replying' }, [replyingText, cancelReply]);
  replying.hidden = true;

  const name = el('input', { attrs: { id: ids.name, type: 'text', name: 'name', autocomplete: 'name', maxlength: '80', required: '' } });
  name.value = readName(opts.storage);
  const nameField = opts.ssoName
    ? el('p', { className: 'pal-hint', text: t.signedInAs(opts.ssoName) })
    : el('div', { className: 'pal-field' }, [el('label', { text: t.name, attrs: { for: ids.name } }), name]);
  const text = el('textarea', { attrs: { id: ids.text, name: 'body', rows: '4', required: '', 'aria-describedby': ids.counter } });
  const counter = el('span', { className: 'pal-counter', attrs: { id: ids.counter } });
  const submit = el('button', { className: 'pal-primary', text: t.submit, attrs: { type: 'submit' } });
  const alert = el('p', { className: 'pal-alert', attrs: { role: 'alert' } });
  const form = el('form', { className: 'pal-form', attrs: { 'aria-labelledby': ids.title, novalidate: '' } }, [
    title,
    replying,
    nameField,
    el('div', { className: 'pal-field' }, [el('label', { text: t.text, attrs: { for: ids.text } }), text]),
    el('div', { className: 'pal-form-foot' }, [counter, submit]),
    alert,
  ]);
  const home = el('div', {}, [form]);

  let posting = false;
  let parentId: string | undefined;
  // when the reader started this comment (first focus or keystroke): the server reads a rhythm no person has from it
  let startedAt: number | undefined;
  const started = () => {
    startedAt ??= Date.now();
  };
  let opener: HTMLElement | null = null;
  const authorName = () => opts.ssoName ?? name.value.normalize('NFC').trim();
  const update = () => {
    const n = countChars(text.value);
    counter.textContent = n > MAX_CHARS ? `${t.counter(n, MAX_CHARS)} — ${t.tooLong(n - MAX_CHARS)}` : t.counter(n, MAX_CHARS);
    counter.classList.toggle('pal-over', n > MAX_CHARS);
    text.setAttribute('aria-invalid', String(n > MAX_CHARS));
    submit.disabled = posting || n === 0 || n > MAX_CHARS || authorName().length === 0;
  };
  const resetReply = (giveFocusBack: boolean) => {
    parentId = undefined;
    replying.hidden = true;
    home.append(form);
    if (giveFocusBack) opener?.focus();
    opener = null;
  };

  text.addEventListener('input', update);
  text.addEventListener('focus', started);
  text.addEventListener('input', started);
  name.addEventListener('focus', started);
  name.addEventListener('input', update);
  cancelReply.addEventListener('click', () => resetReply(true));
  // Ctrl/Cmd+Enter sends from the text area, as in most comment boxes
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && parentId) resetReply(true);
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (submit.disabled) return;
    posting = true;
    submit.textContent = t.posting;
    alert.textContent = '';
    update();
    try {
      const composeMs = startedAt === undefined ? undefined : Date.now() - startedAt;
      await opts.submit({ name: authorName(), body: text.value.normalize('NFC').trim(), parentId, composeMs });
      if (!opts.ssoName) saveName(opts.storage, authorName());
      startedAt = undefined;
      text.value = '';
      resetReply(false);
      text.focus();
    } catch (err) {
      alert.textContent = errorMessage(err, t);
    } finally {
      posting = false;
      submit.textContent = t.submit;
      update();
    }
  });
  update();

  return {
    element: home,
    /** Puts the form back at the top, e.g. before the thread is rendered again. */
    closeReply: () => resetReply(false),
    /** True while the form is open under this comment. */
    isUnder: (item: Node) => item.contains(form),
    /** Moves the form under a comment to answer it. */
    openReply(comment: PublicComment, item: HTMLLIElement, from: HTMLElement | null): void {
      parentId = comment.id;
      opener = from;
      replyingText.textContent = t.replyingTo(comment.author.name);
      replying.hidden = false;
      item.insertBefore(form, item.querySelector(':scope > .pal-replies'));
      text.focus();
    },
  };
}

function readName(storage: PostFormOptions['storage']): string {
  try {
    return storage?.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

function saveName(storage: PostFormOptions['storage'], value: string): void {
  try {
    storage?.setItem(NAME_KEY, value);
  } catch {
    // storage full or blocked: the reader types the name again next time
  }
}

/** The page's localStorage, unless the browser's privacy settings block it. */
export function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
