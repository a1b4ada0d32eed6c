import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import type { QueuePage, QueueStatus } from '../../moderator-client.js';
import { useConsole } from '../console-context.js';
import { t, type MessageKey } from '../i18n.js';
import { focusSearchField, usePageKeys } from '../page-keys.js';
import { SectionFilter } from '../section-filter.js';
import { QUEUES } from '../state.js';
import { useLoad } from '../use-load.js';
import { CommentList, listKeys } from './comment-list.js';

/** Text, author and article search in any queue (every status for an article or an author), by section too. */
export function SearchPage() {
  const { app } = useConsole();
  const { query, route, path } = useLocation();
  const current = { q: query.q ?? '', authorId: query.authorId ?? '', articleId: query.articleId ?? '', status: query.status ?? 'held', section: query.section ?? '' };
  const [draft, setDraft] = useState(current);
  const [more, setMore] = useState<QueuePage[]>([]);
  const [chosen, setChosen] = useState(0);
  const asked = current.q !== '' || current.authorId !== '' || current.articleId !== '' || current.section !== '';
  const needsFilter = current.status === 'all' && !current.articleId && !current.authorId;
  const filters = (c: typeof current) => ({
    ...(c.q ? { q: c.q } : {}),
    ...(c.authorId ? { authorId: c.authorId } : {}),
    ...(c.articleId ? { articleId: c.articleId } : {}),
    ...(c.section ? { section: c.section } : {}),
  });
  const found = useLoad(
    async () => {
      setMore([]);
      return asked && !needsFilter ? app.client.queue(app.state.session.siteId, current.status as QueueStatus | 'all', { limit: 50, ...filters(current) }) : undefined;
    },
    [JSON.stringify(current)],
  );
  const last = more[more.length - 1] ?? found.data;
  const page = found.data ? { ...found.data, comments: [found.data, ...more].flatMap((p) => p.comments), nextCursor: last?.nextCursor ?? null, articles: Object.assign({}, ...[found.data, ...more].map((p) => p.articles)) } : undefined;
  const loadMore = async () => {
    if (!last?.nextCursor) return;
    const next = await app.client.queue(app.state.session.siteId, current.status as QueueStatus | 'all', { limit: 50, cursor: last.nextCursor, ...filters(current) });
    setMore((m) => [...m, next]);
  };
  usePageKeys([{ keys: '/', label: 'keyFocusSearch', run: focusSearchField }, ...listKeys(page?.comments.length ?? 0, chosen, setChosen)]);
  const submit = (e: Event) => {
    e.preventDefault();
    route(`${path}?${new URLSearchParams(Object.entries(draft).filter(([, v]) => v !== ''))}`);
  };
  const input = (name: 'q' | 'authorId' | 'articleId') => ({
    id: `search-${name}`,
    value: draft[name],
    onInput: (e: Event) => setDraft({ ...draft, [name]: (e.currentTarget as HTMLInputElement).value }),
  });
  return (
    <section class="page search" aria-labelledby="search-title">
      <h2 id="search-title">{t('searchTitle')}</h2>
      <form class="filters" role="search" onSubmit={submit}>
        <div class="field inline grow">
          <label for="search-q">{t('searchText')}</label>
          <input type="search" data-search-field maxLength={200} {...input('q')} />
        </div>
        <div class="field inline">
          <label for="search-authorId">{t('searchAuthor')}</label>
          <input type="text" maxLength={64} {...input('authorId')} />
        </div>
        <div class="field inline">
          <label for="search-articleId">{t('searchArticle')}</label>
          <input type="text" maxLength={200} {...input('articleId')} />
        </div>
        <div class="field inline">
          <label for="search-status">{t('status')}</label>
          <select id="search-status" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.currentTarget.value })}>
            {QUEUES.map((q) => (
              <option key={q} value={q}>
                {t(q as MessageKey)}
              </option>
            ))}
            <option value="all">{t('allStatuses')}</option>
          </select>
        </div>
        <SectionFilter id="search-section" value={draft.section || null} onChange={(section) => setDraft({ ...draft, section: section ?? '' })} />
        <button type="submit" class="primary">
          {t('search')}
        </button>
      </form>
      {needsFilter ? <p class="field-error" role="alert">{t('allStatusesNeedFilter')}</p> : null}
      {found.error ? (
        <p class="error" role="alert">
          {t('failed', { message: found.error })}
        </p>
      ) : null}
      {asked && !needsFilter ? (
        <>
          <p class="result-count" role="status">
            {page ? t('results', { count: page.comments.length }) : ''}
          </p>
          <CommentList page={page} loading={found.loading} chosen={chosen} onMore={() => void loadMore()} />
        </>
      ) : null}
    </section>
  );
}
