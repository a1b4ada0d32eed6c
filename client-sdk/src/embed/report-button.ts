import { REPORT_REASONS, type PublicComment, type ReportReason } from '../../../protocol/comment.js';
import { el, uniqueId } from './create-element.js';
import { errorMessage } from './error-message.js';
import type { Strings } from './i18n.js';

export interface ReportControl {
  /** "Signaler": toggles the panel. */
  button: HTMLButtonElement;
  /** The reasons, as a small form of radio buttons, hidden until asked for. */
  panel: HTMLFormElement;
}

/**
 * The report button of one comment and its panel: radio buttons for the reason (arrow keys
 * move between them), Enter sends, Escape closes and gives the focus back to the button.
 */
export function reportControl(
  comment: PublicComment,
  ctx: { t: Strings; report: (commentId: string, reason: ReportReason) => Promise<void> },
): ReportControl {
  const { t } = ctx;
  const panelId = uniqueId('report');
  const button = el('button', {
    className: 'pal-link',
    text: t.report,
    attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': panelId },
  });
  button.setAttribute('aria-label', `${t.report} — ${comment.author.name}`);

  const radios = REPORT_REASONS.map((reason, i) => {
    const input = el('input', { attrs: { type: 'radio', name: `${panelId}-reason`, value: reason } });
    if (i === 0) input.checked = true;
    return { reason, input, label: el('label', {}, [input, document.createTextNode(` ${t.reasons[reason]}`)]) };
  });
  const alert = el('p', { className: 'pal-alert', attrs: { role: 'alert' } });
  const send = el('button', { className: 'pal-primary', text: t.reportSend, attrs: { type: 'submit' } });
  const cancel = el('button', { className: 'pal-secondary', text: t.reportCancel, attrs: { type: 'button' } });
  const panel = el('form', { className: 'pal-report', attrs: { id: panelId } }, [
    el('fieldset', {}, [el('legend', { text: t.reportTitle }), ...radios.map((r) => r.label)]),
    el('div', { className: 'pal-report-buttons' }, [send, cancel]),
    alert,
  ]);
  panel.hidden = true;

  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) (radios.find((r) => r.input.checked) ?? radios[0])?.input.focus();
  };
  const close = () => {
    setOpen(false);
    button.focus();
  };
  button.addEventListener('click', () => setOpen(panel.hidden === true));
  cancel.addEventListener('click', close);
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  });
  panel.addEventListener('submit', async (e) => {
    e.preventDefault();
    const reason = radios.find((r) => r.input.checked)?.reason ?? 'other';
    send.disabled = true;
    alert.textContent = '';
    try {
      await ctx.report(comment.id, reason);
      const thanks = el('span', { className: 'pal-thanks', text: t.reported, attrs: { role: 'status', tabindex: '-1' } });
      panel.remove();
      button.replaceWith(thanks);
      thanks.focus();
    } catch (err) {
      alert.textContent = errorMessage(err, t);
      send.disabled = false;
    }
  });
  return { button, panel };
}
