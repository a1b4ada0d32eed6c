import { button, h } from './element.js';
import { t } from './i18n.js';
import type { ConsoleState } from './state.js';

export interface WaveHandlers {
  decideWave(key: string, action: 'approve' | 'reject'): void;
  undoWave(): void;
}

/**
 * Above the held queue: each wave of near-identical comments with its size, one sample read as
 * text, and one button to approve or reject it all; the last wave decided can be undone.
 */
export function waveList(s: ConsoleState, on: WaveHandlers): HTMLElement | string {
  if (s.queue !== 'held' || (s.groups.length === 0 && !s.lastWave)) return '';
  const undo = s.lastWave
    ? h(
        'p',
        { class: 'wave-undo' },
        t(s.lastWave.action === 'approve' ? 'waveApproved' : 'waveRejected', { count: s.lastWave.commentIds.length }),
        ' ',
        button(t('undoWave'), on.undoWave, { class: 'undo-wave' }),
      )
    : null;
  const waves = s.groups.map((g) =>
    h(
      'li',
      { class: 'wave', 'data-group': g.key },
      h('blockquote', { class: 'wave-sample' }, g.sample.body),
      h('p', { class: 'wave-size' }, t('waveSize', { count: g.count, authors: g.authors })),
      button(t('approveWave', { count: g.count }), () => on.decideWave(g.key, 'approve'), { class: 'approve-wave' }),
      ' ',
      button(t('rejectWave', { count: g.count }), () => on.decideWave(g.key, 'reject'), { class: 'reject-wave' }),
    ),
  );
  return h(
    'section',
    { class: 'waves', 'aria-label': t('waves') },
    h('h2', {}, t('waves')),
    undo,
    waves.length > 0 ? h('ul', {}, ...waves) : null,
  );
}
