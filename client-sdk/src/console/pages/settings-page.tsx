import { useEffect, useState } from 'preact/hooks';
import { isHttpError } from '../../errors.js';
import { useConsole } from '../console-context.js';
import { t, type MessageKey } from '../i18n.js';
import { usePageKeys } from '../page-keys.js';
import { useLoad } from '../use-load.js';
import { ModeratorsPanel } from './moderators-panel.js';
import { draftOf, fieldIdOf, patchOf, type PolicyDraft } from './policy-form.js';
import { SimulatorPanel } from './simulator-panel.js';

type Issue = { path: string; message: string };
const EVENTS = ['queue.over', 'held.too_old', 'surge.started', 'surge.ended', 'attack.started', 'attack.ended', 'comment.held', 'comment.reported', 'comment.severe'];

/** The API's validation messages, each tied to its field. */
function issuesOf(err: unknown): Issue[] | null {
  if (!isHttpError(err) || err.code !== 'validation_failed') return null;
  const details = Array.isArray(err.details) ? (err.details as Array<{ path?: string; message?: string }>) : [];
  return details.map((d) => ({ path: d.path ?? '', message: d.message ?? '' }));
}

/** A name for a new webhook (1-40 letters, digits, - or _, as the API asks); its fields then show below. */
function AddWebhook(props: { onAdd(name: string): void }) {
  const [name, setName] = useState('');
  return (
    <div class="inline-form">
      <label for="new-webhook-name">{t('webhookName')}</label>
      <input type="text" id="new-webhook-name" maxLength={40} pattern="[A-Za-z0-9_-]{1,40}" value={name} onInput={(e) => setName(e.currentTarget.value)} />
      <button
        type="button"
        disabled={!/^[A-Za-z0-9_-]{1,40}$/.test(name)}
        onClick={() => {
          props.onAdd(name);
          setName('');
        }}
      >
        {t('addWebhook')}
      </button>
    </div>
  );
}

/** The site's settings (site admins): the whole policy with the API's validation messages, the simulator, the moderators. */
export function SettingsPage() {
  const { app } = useConsole();
  const siteId = app.state.session.siteId;
  const site = useLoad(() => app.client.api.getSite({ path: { siteId } }), []);
  const [draft, setDraft] = useState<PolicyDraft | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [simulateRound, setSimulateRound] = useState(0);
  useEffect(() => {
    if (site.data) setDraft(draftOf(site.data.policy));
  }, [site.data]);
  usePageKeys([{ keys: 's', label: 'keySimulate', run: () => setSimulateRound((n) => n + 1) }]);
  if (site.code === 'forbidden' || site.code === 'insufficient_scope') return <p class="notice warning">{t('adminsOnly')}</p>;
  if (site.error) return <p class="error" role="alert">{t('failed', { message: site.error })}</p>;
  if (!draft) return <p class="empty">{t('loading')}</p>;

  const set = (change: Partial<PolicyDraft>) => setDraft({ ...draft, ...change });
  const invalid = (id: string) => issues.some((i) => fieldIdOf(i.path).startsWith(id));
  const errorFor = (id: string) => issues.filter((i) => fieldIdOf(i.path).startsWith(id)).map((i) => i.message).join(' ');
  const fieldProps = (id: string) => ({ id, 'aria-invalid': invalid(id) || undefined, 'aria-describedby': invalid(id) ? `${id}-error` : undefined });
  const FieldError = ({ id }: { id: string }) =>
    invalid(id) ? (
      <span class="field-error" id={`${id}-error`}>
        {errorFor(id)}
      </span>
    ) : null;
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      const saved = await app.client.api.updateSite({ path: { siteId }, body: { policy: patchOf(draft) } });
      setIssues([]);
      setDraft(draftOf(saved.policy));
      app.notify(t('policySaved'));
    } catch (err) {
      const found = issuesOf(err);
      if (found) {
        setIssues(found);
        document.getElementById('policy-issues')?.focus();
      } else app.notify(t('failed', { message: (err as Error).message }), 'error');
    }
  };
  const thresholdRow = (attribute: 'toxicity' | 'spam' | 'severe') => (
    <tr key={attribute}>
      <th scope="row">{t(`th_${attribute}` as MessageKey)}</th>
      {(['hold', 'reject'] as const).map((step) => {
        const id = `policy-thresholds-${attribute}-${step}`;
        return (
          <td key={step}>
            <label class="visually-hidden" for={id}>{`${t(`th_${attribute}` as MessageKey)} — ${t(step === 'hold' ? 'holdAt' : 'rejectAt')}`}</label>
            <input
              type="number"
              step="0.01"
              inputMode="decimal"
              {...fieldProps(id)}
              value={draft.thresholds[attribute][step]}
              onInput={(e) => set({ thresholds: { ...draft.thresholds, [attribute]: { ...draft.thresholds[attribute], [step]: e.currentTarget.value } } })}
            />
            <FieldError id={id} />
          </td>
        );
      })}
    </tr>
  );
  const textArea = (key: 'bannedWords' | 'suspectWords' | 'blockedDomains') => (
    <div class="field">
      <label for={`policy-${key}`}>{t(key)}</label>
      <textarea rows={4} {...fieldProps(`policy-${key}`)} value={draft[key]} onInput={(e) => set({ [key]: e.currentTarget.value })} />
      <FieldError id={`policy-${key}`} />
    </div>
  );
  const check = (key: 'holdLinks' | 'holdFirstComments' | 'surgeEnabled', label: MessageKey) => (
    <div class="choice">
      <input type="checkbox" id={`policy-${key}`} checked={draft[key]} onChange={(e) => set({ [key]: e.currentTarget.checked })} />
      <label for={`policy-${key}`}>{t(label)}</label>
    </div>
  );
  const webhook = (i: number, change: Partial<PolicyDraft['webhooks'][number]>) =>
    set({ webhooks: draft.webhooks.map((w, k) => (k === i ? { ...w, ...change } : w)) });
  return (
    <section class="page settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settingsTitle')}</h2>
      <form class="policy-form" noValidate onSubmit={(e) => void save(e)} aria-labelledby="policy-title">
        <h3 id="policy-title">{t('policy')}</h3>
        {issues.length > 0 ? (
          <div class="issues" id="policy-issues" role="alert" tabIndex={-1}>
            <p>{t('invalid')}</p>
            <ul>
              {issues.map((i, k) => (
                <li key={k}>
                  <code>{i.path}</code> {i.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <fieldset>
          <legend>{t('mode')}</legend>
          {(['post', 'pre'] as const).map((mode) => (
            <div class="choice" key={mode}>
              <input type="radio" name="policy-mode" id={`policy-mode-${mode}`} checked={draft.mode === mode} onChange={() => set({ mode })} />
              <label for={`policy-mode-${mode}`}>{t(mode === 'post' ? 'modePost' : 'modePre')}</label>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('thresholds')}</legend>
          <div class="table-box">
            <table class="thresholds">
              <thead>
                <tr>
                  <td />
                  <th scope="col">{t('holdAt')}</th>
                  <th scope="col">{t('rejectAt')}</th>
                </tr>
              </thead>
              <tbody>{(['toxicity', 'spam', 'severe'] as const).map(thresholdRow)}</tbody>
            </table>
          </div>
        </fieldset>
        {textArea('bannedWords')}
        {textArea('suspectWords')}
        <fieldset>
          <legend>{t('links')}</legend>
          {check('holdLinks', 'holdLinks')}
          <div class="field inline">
            <label for="policy-maxLinks">{t('maxLinks')}</label>
            <input type="number" {...fieldProps('policy-maxLinks')} value={draft.maxLinks} onInput={(e) => set({ maxLinks: e.currentTarget.value })} />
            <FieldError id="policy-maxLinks" />
          </div>
          {textArea('blockedDomains')}
        </fieldset>
        {check('holdFirstComments', 'holdFirstComments')}
        <fieldset>
          <legend>{t('surge')}</legend>
          {check('surgeEnabled', 'surgeEnabled')}
        </fieldset>
        <fieldset>
          <legend>{t('alerts')}</legend>
          {(['queueOver', 'heldOlderThanMinutes'] as const).map((key) => (
            <div class="field" key={key}>
              <label for={`policy-alerts-${key}`}>{t(key === 'queueOver' ? 'queueOver' : 'heldOlderThan')}</label>
              <input type="number" {...fieldProps(`policy-alerts-${key}`)} value={draft[key]} onInput={(e) => set({ [key]: e.currentTarget.value })} />
              <FieldError id={`policy-alerts-${key}`} />
            </div>
          ))}
          <h4>{t('webhooks')}</h4>
          {draft.webhooks.length === 0 ? <p class="hint">{t('noWebhooks')}</p> : null}
          <AddWebhook
            onAdd={(name) =>
              set({ webhooks: [...draft.webhooks, { name, enabled: true, url: '', secret: '', format: 'json', lang: 'fr', events: EVENTS.slice(0, 6), removed: false }] })
            }
          />
          {draft.webhooks.map((w, i) => {
            const id = `policy-alerts-webhooks-${w.name}`;
            return (
              <fieldset class={`webhook${w.removed ? ' removed' : ''}`} key={w.name}>
                <legend>{w.name}</legend>
                <FieldError id={id} />
                <div class="choice">
                  <input type="checkbox" id={`${id}-enabled`} checked={w.enabled} onChange={(e) => webhook(i, { enabled: e.currentTarget.checked })} />
                  <label for={`${id}-enabled`}>{t('enabled')}</label>
                </div>
                <div class="field">
                  <label for={`${id}-url`}>URL</label>
                  <input type="url" {...fieldProps(`${id}-url`)} value={w.url} onInput={(e) => webhook(i, { url: e.currentTarget.value })} />
                </div>
                <div class="field">
                  <label for={`${id}-secret`}>Secret</label>
                  <input type="password" autoComplete="new-password" {...fieldProps(`${id}-secret`)} value={w.secret} onInput={(e) => webhook(i, { secret: e.currentTarget.value })} />
                </div>
                <div class="field inline">
                  <label for={`${id}-format`}>Format</label>
                  <select id={`${id}-format`} value={w.format} onChange={(e) => webhook(i, { format: e.currentTarget.value as typeof w.format })}>
                    <option value="json">JSON</option>
                    <option value="slack">Slack</option>
                    <option value="discord">Discord</option>
                  </select>
                </div>
                <fieldset class="events">
                  <legend>{t('events')}</legend>
                  {EVENTS.map((ev) => (
                    <label class="choice" key={ev}>
                      <input
                        type="checkbox"
                        checked={w.events.includes(ev)}
                        onChange={(e) => webhook(i, { events: e.currentTarget.checked ? [...w.events, ev] : w.events.filter((x) => x !== ev) })}
                      />
                      <code>{ev}</code>
                    </label>
                  ))}
                </fieldset>
                <button type="button" onClick={() => webhook(i, { removed: !w.removed })}>
                  {w.removed ? t('cancel') : t('revoke')}
                </button>
              </fieldset>
            );
          })}
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary save-policy">
            {t('savePolicy')}
          </button>
        </div>
      </form>
      <SimulatorPanel patch={() => patchOf(draft)} round={simulateRound} />
      <ModeratorsPanel />
    </section>
  );
}
