import { useEffect, useState } from 'preact/hooks';
import type { OperationResult } from '../../api-client.js';
import { isHttpError } from '../../errors.js';
import { useConsole } from '../console-context.js';
import { formatNumber, t, type MessageKey } from '../i18n.js';
import { paths } from '../paths.js';
import type { PolicyPatch } from './policy-form.js';

type Simulation = OperationResult<'simulatePolicy'>;
const STATUS: Record<string, MessageKey> = { approved: 's_approved', held: 's_held', rejected: 's_rejected' };
const excerpt = (s: string) => (s.length > 160 ? `${s.slice(0, 159)}…` : s);

/** Before saving: what the edited policy would have done to the latest decided comments (the server replays the one decision). */
export function SimulatorPanel(props: { patch(): PolicyPatch; round: number }) {
  const { app } = useConsole();
  const [limit, setLimit] = useState(500);
  const [result, setResult] = useState<Simulation | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      setResult(await app.client.api.simulatePolicy({ path: { siteId: app.state.session.siteId }, body: { policy: props.patch(), limit } }));
      setError('');
    } catch (err) {
      const details = isHttpError(err) && Array.isArray(err.details) ? (err.details as Array<{ path: string; message: string }>) : [];
      setError(details.length ? details.map((d) => `${d.path}: ${d.message}`).join(' · ') : (err as Error).message);
      setResult(null);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    if (props.round > 0) void run();
  }, [props.round]);
  const label = (s: string) => t(STATUS[s] ?? 's_held');
  return (
    <section class="simulator" aria-labelledby="simulator-title">
      <h3 id="simulator-title">{t('simulate')}</h3>
      <p class="hint">{t('simulateHelp')}</p>
      <div class="filters">
        <div class="field inline">
          <label for="simulate-limit">{t('simulateLimit')}</label>
          <select id="simulate-limit" value={String(limit)} onChange={(e) => setLimit(Number(e.currentTarget.value))}>
            {[100, 500, 1000, 5000].map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <button type="button" class="run-simulation" aria-keyshortcuts="s" disabled={busy} onClick={() => void run()}>
          {busy ? t('simulating') : t('simulate')}
        </button>
      </div>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <div role="status" aria-live="polite">
        {result ? (
          <>
            <p class="sim-summary">
              {t('simReplayed', { count: result.replayed })} · {result.moved > 0 ? t('simMoved', { count: result.moved }) : t('simNone')}
            </p>
            {result.partlySimulated.length > 0 ? <p class="hint">{t('simPartly', { fields: result.partlySimulated.join(', ') })}</p> : null}
          </>
        ) : null}
      </div>
      {result ? (
        <>
          <div class="table-box" tabIndex={0} role="region" aria-label={t('simulate')}>
            <table class="transitions">
              <caption>{t('simulate')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('simFrom')}</th>
                  <th scope="col">{t('simTo')}</th>
                  <th scope="col">{t('count')}</th>
                </tr>
              </thead>
              <tbody>
                {result.transitions.map((tr) => (
                  <tr key={`${tr.from}-${tr.to}`} data-from={tr.from} data-to={tr.to} class={tr.from === tr.to ? 'unchanged' : 'moved'}>
                    <td>{label(tr.from)}</td>
                    <td>{label(tr.to)}</td>
                    <td class="count">{formatNumber(tr.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ol class="moves">
            {result.comments.map((m) => (
              <li key={m.commentId} data-comment-id={m.commentId} data-from={m.from} data-to={m.to}>
                <p>
                  <strong>{t('simMove', { from: label(m.from), to: label(m.to) })}</strong> — {m.authorName}
                </p>
                <blockquote>{excerpt(m.body)}</blockquote>
                <a href={paths.comment(m.commentId)}>{t('openComment')}</a>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
