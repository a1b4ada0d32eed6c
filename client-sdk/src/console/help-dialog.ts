import { h } from './element.js';
import { t, type MessageKey } from './i18n.js';
import { openModal } from './modal-dialog.js';

/** The console's keys (a key, or the message naming it) and what they do. */
export const KEY_HELP: Array<[string | { name: MessageKey }, MessageKey]> = [
  ['j', 'keyJ'],
  ['k', 'keyK'],
  ['a', 'keyA'],
  ['r', 'keyR'],
  ['b', 'keyB'],
  ['u', 'keyU'],
  ['?', 'keyHelp'],
  [{ name: 'keyNameEnter' }, 'keyEnter'],
  [{ name: 'keyNameEscape' }, 'keyEscape'],
];

export function openHelp(): Promise<boolean> {
  return openModal({
    title: t('help'),
    content: [h('dl', { class: 'keys' }, ...KEY_HELP.flatMap(([key, label]) => [h('dt', {}, h('kbd', {}, typeof key === 'string' ? key : t(key.name))), h('dd', {}, t(label))]))],
  });
}
