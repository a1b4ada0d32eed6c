import { REJECTION_CODES, type ModeratorReason, type RejectionCode } from '../../../protocol/comment.js';
import { t, type MessageKey } from './i18n.js';
import { openModal } from './modal.js';

/** Asks for the rejection reason (a code and an optional note), for one comment or a selection; null when cancelled. */
export async function askRejectReason(title = t('rejectTitle')): Promise<ModeratorReason | null> {
  const form = { code: REJECTION_CODES[0] as RejectionCode, note: '' };
  const ok = await openModal({
    title,
    content: (
      <>
        <fieldset>
          <legend>{t('reasonLabel')}</legend>
          {REJECTION_CODES.map((code, i) => (
            <div class="choice" key={code}>
              <input type="radio" name="reject-reason" value={code} id={`reject-${code}`} defaultChecked={i === 0} onChange={() => (form.code = code)} />
              <label for={`reject-${code}`}>{t(`r_${code}` as MessageKey)}</label>
            </div>
          ))}
        </fieldset>
        <label for="reject-note">{t('noteLabel')}</label>
        <textarea id="reject-note" rows={2} maxLength={500} onInput={(e) => (form.note = e.currentTarget.value)} />
      </>
    ),
    confirmLabel: t('reject'),
    initialFocus: 'input[name=reject-reason]',
  });
  if (!ok) return null;
  const note = form.note.trim();
  return note ? { code: form.code, note } : { code: form.code };
}

export interface BanChoice {
  reason: string;
  /** ISO date; absent for a permanent ban. */
  until?: string;
  rejectExisting: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Asks for a ban's reason (required), duration and whether to reject the author's comments; null when cancelled. */
export async function askBan(authorName: string, now: () => number = Date.now): Promise<BanChoice | null> {
  const form = { reason: '', days: '1', rejectExisting: false };
  const error = () => document.getElementById('ban-reason-error');
  const field = () => document.getElementById('ban-reason') as HTMLInputElement | null;
  const ok = await openModal({
    title: `${t('banTitle')} — ${authorName}`,
    content: (
      <>
        <label for="ban-reason">{t('banReasonLabel')}</label>
        <input
          type="text"
          id="ban-reason"
          required
          maxLength={500}
          aria-describedby="ban-reason-error"
          onInput={(e) => {
            form.reason = e.currentTarget.value;
            if (form.reason.trim()) error()!.textContent = '';
          }}
        />
        <p class="field-error" role="alert" id="ban-reason-error" />
        <label for="ban-duration">{t('durationLabel')}</label>
        <select id="ban-duration" onChange={(e) => (form.days = e.currentTarget.value)}>
          <option value="1">{t('oneDay')}</option>
          <option value="7">{t('sevenDays')}</option>
          <option value="permanent">{t('permanent')}</option>
        </select>
        <div class="choice">
          <input type="checkbox" id="ban-reject-existing" onChange={(e) => (form.rejectExisting = e.currentTarget.checked)} />
          <label for="ban-reject-existing">{t('rejectExisting')}</label>
        </div>
      </>
    ),
    confirmLabel: t('ban'),
    validate: () => {
      const valid = form.reason.trim().length > 0;
      error()!.textContent = valid ? '' : t('banReasonRequired');
      field()?.setAttribute('aria-invalid', String(!valid));
      if (!valid) field()?.focus();
      return valid;
    },
    initialFocus: '#ban-reason',
  });
  if (!ok) return null;
  const days = Number(form.days);
  return {
    reason: form.reason.trim(),
    ...(Number.isFinite(days) ? { until: new Date(now() + days * DAY_MS).toISOString() } : {}),
    rejectExisting: form.rejectExisting,
  };
}

/** Asks to confirm something that cannot be taken back (revoking a moderator). */
export const confirmAction = (title: string, text: string, confirmLabel: string): Promise<boolean> =>
  openModal({ title, content: <p>{text}</p>, confirmLabel });
