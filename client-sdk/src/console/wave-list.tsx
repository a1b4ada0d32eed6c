import { useConsole } from './console-context.js';
import { t } from './i18n.js';

/**
 * Above the held queue: each wave of near-identical comments with its size, one sample read as
 * text, and one button to approve or reject it all; the last wave decided can be undone.
 */
export function WaveList() {
  const { app, waves } = useConsole();
  const s = app.state;
  if (s.queue !== 'held' || (s.groups.length === 0 && !s.lastWave)) return null;
  return (
    <section class="waves" aria-label={t('waves')}>
      <h2>{t('waves')}</h2>
      {s.lastWave ? (
        <p class="wave-undo">
          {t(s.lastWave.action === 'approve' ? 'waveApproved' : 'waveRejected', { count: s.lastWave.commentIds.length })}{' '}
          <button type="button" class="undo-wave" onClick={() => void waves.undo()}>
            {t('undoWave')}
          </button>
        </p>
      ) : null}
      {s.groups.length > 0 ? (
        <ul>
          {s.groups.map((g) => (
            <li class="wave" data-group={g.key} key={g.key}>
              <blockquote class="wave-sample">{g.sample.body}</blockquote>
              <p class="wave-size">{t('waveSize', { count: g.count, authors: g.authors })}</p>
              <button type="button" class="approve-wave" onClick={() => void waves.decide(g.key, 'approve')}>
                {t('approveWave', { count: g.count })}
              </button>{' '}
              <button type="button" class="reject-wave" onClick={() => void waves.decide(g.key, 'reject')}>
                {t('rejectWave', { count: g.count })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
