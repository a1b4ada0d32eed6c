import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import type { OperationResult } from '../../api-client.js';
import { useConsole } from '../console-context.js';
import { dateTime, t, tOr, type MessageKey } from '../i18n.js';
import { fr } from '../messages.js';
import { focusSearchField, usePageKeys } from '../page-keys.js';
import { paths } from '../paths.js';
import { useLoad } from '../use-load.js';

type Entry = OperationResult<'auditLog'>['entries'][number];

/** The actions the filter offers: each one the log names, and each family (`comment.`…). */
const ACTIONS = Object.keys(fr)
  .filter((k) => k.startsWith('act_'))
  .map((k) => k.slice(4));
const FAMILIES = ['comment.', 'author.', 'article.', 'site.', 'moderator.'];

/** Where an entry's target is shown in the console. */
function targetLink(e: Entry) {
  const id = e.target.id;
  switch (e.target.type) {
    case 'comment':
      return <a href={paths.comment(id)}>{t('openComment')}</a>;
    case 'author':
      return <a href={paths.author(id)}>{t('openAuthor')}</a>;
    case 'article':
      return <a href={paths.article(id)}>{id}</a>;
    default:
      return <span>{id}</span>;
  }
}

/** A moderator's reason, when the entry carries one (a rejection's code and note, a ban's reason). */
function reasonOf(e: Entry): string {
  const after = (e.after ?? {}) as { reason?: { code?: string; note?: string } | string; banReason?: string };
  if (typeof after.reason === 'object' && after.reason) {
    const label = tOr(`r_${after.reason.code}`, after.reason.code ?? '');
    return after.reason.note ? `${label} — ${after.reason.note}` : label;
  }
  return typeof after.reason === 'string' ? after.reason : (after.banReason ?? '');
}

/** Who did what, when, on which comment and why; filtered by moderator, action, article and dates. */
export function AuditPage() {
  const { app } = useConsole();
  const { query, route, path } = useLocation();
  const siteId = app.state.session.siteId;
  const filters = { moderatorId: query.moderatorId ?? '', action: query.action ?? '', articleId: query.articleId ?? '', from: query.from ?? '', to: query.to ?? '' };
  const [draft, setDraft] = useState(filters);
  const [pages, setPages] = useState<Entry[][]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [chosen, setChosen] = useState(0);
  const names = useLoad(() => app.client.api.siteStats({ path: { siteId }, query: { from: new Date(app.now()).toISOString().slice(0, 10) } }), []);
  const clean = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ''));
  const first = useLoad(() => app.client.api.auditLog({ path: { siteId }, query: { limit: 50, ...clean } }), [JSON.stringify(clean)]);
  useEffect(() => {
    setPages(first.data ? [first.data.entries] : []);
    setCursor(first.data?.nextCursor ?? null);
    setChosen(0);
  }, [first.data]);
  const entries = pages.flat();
  const more = async () => {
    if (!cursor) return;
    const next = await app.client.api.auditLog({ path: { siteId }, query: { limit: 50, cursor, ...clean } });
    setPages((p) => [...p, next.entries]);
    setCursor(next.nextCursor);
  };
  const focusRow = (i: number) => {
    const index = Math.max(0, Math.min(entries.length - 1, i));
    setChosen(index);
    document.querySelector<HTMLElement>(`#audit-table tbody tr:nth-child(${index + 1}) a`)?.focus();
  };
  usePageKeys([
    { keys: 'j', label: 'keyJList', run: () => focusRow(chosen + 1) },
    { keys: 'k', label: 'keyKList', run: () => focusRow(chosen - 1) },
    { keys: 'n', label: 'keyN', run: () => void more() },
    { keys: '/', label: 'keyFocusSearch', run: focusSearchField },
  ]);
  const moderators = Object.entries(names.data?.moderators ?? {});
  const apply = (e: Event) => {
    e.preventDefault();
    route(`${path}?${new URLSearchParams(Object.entries(draft).filter(([, v]) => v !== ''))}`);
  };
  const field = (name: keyof typeof draft) => ({
    id: `audit-${name}`,
    value: draft[name],
    onInput: (e: Event) => setDraft({ ...draft, [name]: (e.currentTarget as HTMLInputElement).value }),
  });
  return (
    <section class="page audit" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('auditTitle')}</h2>
      <form class="filters" onSubmit={apply}>
        <div class="field inline">
          <label for="audit-moderatorId">{t('who')}</label>
          <select {...field('moderatorId')} onChange={field('moderatorId').onInput}>
            <option value="">{t('anyModerator')}</option>
            {moderators.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
            <option value="admin">Admin</option>
          </select>
        </div>
        <div class="field inline">
          <label for="audit-action">{t('action')}</label>
          <select {...field('action')} onChange={field('action').onInput}>
            <option value="">{t('anyAction')}</option>
            {FAMILIES.map((f) => (
              <option key={f} value={f}>{`${f}*`}</option>
            ))}
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`act_${a}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div class="field inline">
          <label for="audit-articleId">{t('searchArticle')}</label>
          <input type="search" data-search-field {...field('articleId')} />
        </div>
        <div class="field inline">
          <label for="audit-from">{t('from')}</label>
          <input type="date" {...field('from')} />
        </div>
        <div class="field inline">
          <label for="audit-to">{t('to')}</label>
          <input type="date" {...field('to')} />
        </div>
        <button type="submit" class="primary">
          {t('filter')}
        </button>
      </form>
      {first.error ? (
        <p class="error" role="alert">
          {t('failed', { message: first.error })}
        </p>
      ) : null}
      {first.loading && entries.length === 0 ? (
        <p class="empty">{t('loading')}</p>
      ) : entries.length === 0 ? (
        <p class="empty">{t('noEntries')}</p>
      ) : (
        <div class="table-box" tabIndex={0} role="region" aria-label={t('auditTitle')}>
          <table id="audit-table">
            <caption class="visually-hidden">{t('auditTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('who')}</th>
                <th scope="col">{t('what')}</th>
                <th scope="col">{t('target')}</th>
                <th scope="col">{t('reasonCol')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={e.id} data-entry={e.id} data-action={e.action} class={i === chosen ? 'chosen' : undefined}>
                  <td>
                    <time dateTime={e.at}>{dateTime(e.at)}</time>
                  </td>
                  <td>{e.actor.kind === 'system' ? `${t('system')} (${e.actor.id})` : (e.actor.name ?? e.actor.id)}</td>
                  <td>{tOr(`act_${e.action}`, e.action)}</td>
                  <td>{targetLink(e)}</td>
                  <td>{reasonOf(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor ? (
        <button type="button" class="more" aria-keyshortcuts="n" onClick={() => void more()}>
          {t('nextPage')}
        </button>
      ) : null}
    </section>
  );
}
