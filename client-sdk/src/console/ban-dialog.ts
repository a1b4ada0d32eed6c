import { h } from './element.js';
import { t } from './i18n.js';
import { openModal } from './modal-dialog.js';

export interface BanChoice {
  reason: string;
  /** ISO date; absent for a permanent ban. */
  until?: string;
  rejectExisting: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Asks for a ban's reason (required), duration and whether to reject existing comments. */
export async function askBan(authorName: string, now: () => number = Date.now): Promise<BanChoice | null> {
  const reason = h('input', { type: 'text', id: 'ban-reason', required: true, maxlength: '200' });
  const duration = h(
    'select',
    { id: 'ban-duration' },
    h('option', { value: '1' }, t('oneDay')),
    h('option', { value: '7' }, t('sevenDays')),
    h('option', { value: 'permanent' }, t('permanent')),
  );
  const rejectExisting = h('input', { type: 'checkbox', id: 'ban-reject-existing' });
  const error = h('p', { class: 'field-error', role: 'alert', id: 'ban-reason-error' });
  reason.setAttribute('aria-describedby', 'ban-reason-error');
  reason.addEventListener('input', () => {
    if (reason.value.trim()) error.textContent = '';
  });
  const ok = await openModal({
    title: `${t('banTitle')} — ${authorName}`,
    content: [
      h('label', { for: 'ban-reason' }, t('banReasonLabel')),
      reason,
      error,
      h('label', { for: 'ban-duration' }, t('durationLabel')),
      duration,
      h('div', { class: 'choice' }, rejectExisting, h('label', { for: 'ban-reject-existing' }, t('rejectExisting'))),
    ],
    confirmLabel: t('ban'),
    validate: () => {
      const valid = reason.value.trim().length > 0;
      error.textContent = valid ? '' : t('banReasonRequired');
      reason.setAttribute('aria-invalid', String(!valid));
      if (!valid) reason.focus();
      return valid;
    },
    initialFocus: () => reason,
  });
  if (!ok) return null;
  const days = Number(duration.value);
  return {
    reason: reason.value.trim(),
    ...(Number.isFinite(days) ? { until: new Date(now() + days * DAY_MS).toISOString() } : {}),
    rejectExisting: rejectExisting.checked,
  };
}
