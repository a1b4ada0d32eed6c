import { useState } from 'preact/hooks';
import type { OperationResult } from '../../api-client.js';
import { isHttpError } from '../../errors.js';
import { useConsole } from '../console-context.js';
import { confirmAction } from '../decision-dialogs.js';
import { t, type MessageKey } from '../i18n.js';
import { useLoad } from '../use-load.js';

type Scope = 'read-only' | 'moderate' | 'admin';
type Moderator = OperationResult<'listModerators'>['moderators'][number];
const SCOPES: Scope[] = ['read-only', 'moderate', 'admin'];
const scopeOf = (m: Moderator): Scope => m.scope ?? (m.role === 'admin' ? 'admin' : 'moderate');

/** The site's moderators: add one (the token is shown once), change what they may do, revoke. */
export function ModeratorsPanel() {
  const { app } = useConsole();
  const siteId = app.state.session.siteId;
  const list = useLoad(() => app.client.api.listModerators({ path: { siteId } }), []);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<Scope>('moderate');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState('');
  const fail = (err: unknown) => setError(isHttpError(err) ? err.message : (err as Error).message);
  const add = async (e: Event) => {
    e.preventDefault();
    try {
      const made = await app.client.api.createModerator({ path: { siteId }, body: { name, scope } });
      setCreated({ name: made.name, token: made.token });
      setName('');
      setError('');
      list.reload();
    } catch (err) {
      fail(err);
    }
  };
  const change = async (m: Moderator, next: Scope) => {
    try {
      await app.client.api.updateModerator({ path: { siteId, moderatorId: m.id }, body: { scope: next } });
      app.notify(t('roleChanged', { name: m.name, scope: t(`sc_${next}` as MessageKey) }));
      list.reload();
    } catch (err) {
      fail(err);
    }
  };
  const revoke = async (m: Moderator) => {
    if (!(await confirmAction(t('revoke'), t('revokeConfirm', { name: m.name }), t('revoke')))) return;
    try {
      await app.client.api.deleteModerator({ path: { siteId, moderatorId: m.id } });
      app.notify(t('revoked', { name: m.name }));
      list.reload();
    } catch (err) {
      fail(err);
    }
  };
  return (
    <section class="moderators" aria-labelledby="moderators-title">
      <h3 id="moderators-title">{t('moderators')}</h3>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {created ? (
        <div class="token-once" role="alert">
          <p>{t('tokenOnce', { name: created.name })}</p>
          <input type="text" readOnly id="new-token" value={created.token} aria-label={t('tokenLabel')} onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            onClick={() => {
              void navigator.clipboard?.writeText(created.token).then(() => app.notify(t('copied')));
            }}
          >
            {t('copy')}
          </button>
          <button type="button" onClick={() => setCreated(null)}>
            {t('close')}
          </button>
        </div>
      ) : null}
      <div class="table-box" tabIndex={0} role="region" aria-label={t('moderators')}>
        <table class="moderator-list">
          <caption class="visually-hidden">{t('moderators')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('scope')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {(list.data?.moderators ?? []).map((m) => (
              <tr key={m.id} data-moderator-id={m.id}>
                <th scope="row">
                  {m.name}
                  {m.source === 'oidc' ? <span class="hint">{` (${t('viaSignIn')}${m.email ? ` · ${m.email}` : ''})`}</span> : null}
                </th>
                <td>
                  {m.source === 'oidc' ? (
                    t(`sc_${scopeOf(m)}` as MessageKey)
                  ) : (
                    <>
                      <label class="visually-hidden" for={`scope-${m.id}`}>{`${t('scope')} — ${m.name}`}</label>
                      <select id={`scope-${m.id}`} value={scopeOf(m)} onChange={(e) => void change(m, e.currentTarget.value as Scope)}>
                        {SCOPES.map((s) => (
                          <option key={s} value={s}>
                            {t(`sc_${s}` as MessageKey)}
                          </option>
                        ))}
                      </select>
                    </>
                  )}
                </td>
                <td>
                  <button type="button" class="revoke" onClick={() => void revoke(m)}>
                    {t('revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form class="inline-form add-moderator" onSubmit={(e) => void add(e)}>
        <label for="moderator-name">{t('name')}</label>
        <input type="text" id="moderator-name" required maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <label for="moderator-scope">{t('scope')}</label>
        <select id="moderator-scope" value={scope} onChange={(e) => setScope(e.currentTarget.value as Scope)}>
          {SCOPES.map((s) => (
            <option key={s} value={s}>
              {t(`sc_${s}` as MessageKey)}
            </option>
          ))}
        </select>
        <button type="submit" class="primary">
          {t('addModerator')}
        </button>
      </form>
    </section>
  );
}
