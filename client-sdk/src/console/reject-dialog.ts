import { REJECTION_CODES, type ModeratorReason, type RejectionCode } from '../../../protocol/comment.js';
import { h } from './element.js';
import { t, type MessageKey } from './i18n.js';
import { openModal } from './modal-dialog.js';

/** Asks for the rejection reason (a code and an optional note); null when cancelled. */
export async function askRejectReason(): Promise<ModeratorReason | null> {
  const radios = REJECTION_CODES.map((code, i) => {
    const input = h('input', { type: 'radio', name: 'reject-reason', value: code, id: `reject-${code}`, checked: i === 0 });
    return { code, input, row: h('div', { class: 'choice' }, input, h('label', { for: `reject-${code}` }, t(`r_${code}` as MessageKey))) };
  });
  const note = h('textarea', { id: 'reject-note', rows: '2', maxlength: '500' });
  const ok = await openModal({
    title: t('rejectTitle'),
    content: [
      h('fieldset', {}, h('legend', {}, t('reasonLabel')), ...radios.map((r) => r.row)),
      h('label', { for: 'reject-note' }, t('noteLabel')),
      note,
    ],
    confirmLabel: t('reject'),
    initialFocus: () => radios[0]!.input,
  });
  if (!ok) return null;
  const code: RejectionCode = radios.find((r) => r.input.checked)?.code ?? 'other';
  const text = note.value.trim();
  return text ? { code, note: text } : { code };
}
