import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import type { OperationResult } from '../../api-client.js';
import { isHttpError } from '../../errors.js';
import { DataTable } from '../chart.js';
import { useConsole } from '../console-context.js';
import { dateTime, formatNumber, t } from '../i18n.js';
import { focusSearchField, usePageKeys } from '../page-keys.js';
import { paths, safeHttpUrl } from '../paths.js';
import { SectionFilter } from '../section-filter.js';
import { useLoad } from '../use-load.js';
import { CommentList, listKeys } from './comment-list.js';

type Article = OperationResult<'getArticle'>['article'];

/** The site's articles, newest first, by section. */
export function ArticlesPage() {
  const { app } = useConsole();
  const { query, route, path } = useLocation();
  const section = query.section ?? null;
  const list = useLoad(() => app.client.api.listArticles({ path: { siteId: app.state.session.siteId }, query: { limit: 100, ...(section ? { section } : {}) } }), [section]);
  usePageKeys([{ keys: '/', label: 'keyFocusSearch', run: focusSearchField }]);
  return (
    <section class="page articles" aria-labelledby="articles-title">
      <h2 id="articles-title">{t('articlesTitle')}</h2>
      <div class="filters">
        <SectionFilter id="articles-section" value={section} onChange={(s) => route(s ? `${path}?section=${encodeURIComponent(s)}` : path)} />
      </div>
      {list.error ? <p class="error" role="alert">{t('failed', { message: list.error })}</p> : null}
      {!list.data ? (
        <p class="empty">{t('loading')}</p>
      ) : (
        <DataTable
          id="articles-table"
          caption={t('articlesTitle')}
          columns={[t('article'), t('section'), t('approved_col'), t('status')]}
          rows={list.data.articles.map((a) => [
            <a href={paths.article(a.id)}>{a.title ?? a.id}</a>,
            a.section ?? '',
            formatNumber(a.approved),
            a.closed ? t('closed') : t('open'),
          ])}
        />
      )}
    </section>
  );
}

/** An admin's form to move the article to another section. */
function SectionEditor(props: { article: Article; onSaved(a: Article): void }) {
  const { app } = useConsole();
  const [value, setValue] = useState(props.article.section ?? '');
  const [error, setError] = useState('');
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      const { article } = await app.client.api.updateArticle({
        path: { siteId: app.state.session.siteId, articleId: props.article.id },
        body: { section: value.trim() === '' ? null : value.trim() },
      });
      setError('');
      props.onSaved(article);
      app.notify(t('sectionSaved'));
    } catch (err) {
      setError(isHttpError(err) ? err.message : (err as Error).message);
    }
  };
  return (
    <form class="inline-form" onSubmit={(e) => void save(e)}>
      <label for="article-section">{t('section')}</label>
      <input type="text" id="article-section" maxLength={60} value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      <button type="submit">{t('save')}</button>
      {error ? <p class="field-error" role="alert">{error}</p> : null}
    </form>
  );
}

/** One article: its comments in every status, the close / reopen switch, and its section (site admins). */
export function ArticlePage(props: { articleId: string }) {
  const { app } = useConsole();
  const siteId = app.state.session.siteId;
  const articleId = props.articleId;
  const [chosen, setChosen] = useState(0);
  const loaded = useLoad(() => app.client.api.getArticle({ path: { siteId, articleId } }), [articleId]);
  const [changed, setChanged] = useState<Article | null>(null);
  const article = changed?.id === articleId ? changed : loaded.data?.article;
  const comments = useLoad(() => app.client.queue(siteId, 'all', { articleId, limit: 100 }), [articleId, article?.closed]);
  const toggleClosed = async () => {
    if (!article) return;
    try {
      const { article: next } = await app.client.api.updateArticle({ path: { siteId, articleId }, body: { closed: !article.closed } });
      setChanged(next);
      app.notify(next.closed ? t('articleClosed') : t('articleReopened'));
    } catch (err) {
      app.notify(t('failed', { message: (err as Error).message }), 'error');
    }
  };
  usePageKeys([{ keys: 'c', label: 'keyC', run: () => void toggleClosed() }, ...listKeys(comments.data?.comments.length ?? 0, chosen, setChosen)]);
  if (loaded.error) return <p class="error" role="alert">{loaded.code === 'article_not_found' ? t('notFound') : t('failed', { message: loaded.error })}</p>;
  if (!article) return <p class="empty">{t('loading')}</p>;
  const url = article.url ? safeHttpUrl(article.url) : null;
  return (
    <section class="page article-view" aria-labelledby="article-title">
      <h2 id="article-title">{t('articleTitle', { title: article.title ?? article.id })}</h2>
      <dl class="facts">
        <div>
          <dt>{t('section')}</dt>
          <dd>{article.section ?? t('noSection')}</dd>
        </div>
        <div>
          <dt>{t('status')}</dt>
          <dd class="closed-state">{article.closed ? t('closed') : t('open')}</dd>
        </div>
        <div>
          <dt>{t('approved_col')}</dt>
          <dd>{t('approvedCount', { count: article.approved })}</dd>
        </div>
        {article.firstSeenAt ? (
          <div>
            <dt>{t('history')}</dt>
            <dd>{t('firstSeenOn', { date: dateTime(article.firstSeenAt) })}</dd>
          </div>
        ) : null}
        {article.surge ? (
          <div>
            <dt>{t('surge')}</dt>
            <dd>{t('surgeUntil', { time: dateTime(article.surge.until) })}</dd>
          </div>
        ) : null}
      </dl>
      {url ? (
        <p>
          <a href={url} target="_blank" rel="noopener noreferrer">
            {url}
          </a>
        </p>
      ) : null}
      <div class="actions">
        <button type="button" role="switch" aria-checked={article.closed} class="close-switch" aria-keyshortcuts="c" onClick={() => void toggleClosed()}>
          {article.closed ? t('reopenComments') : t('closeComments')}
        </button>
      </div>
      {app.state.siteAdmin ? <SectionEditor article={article} onSaved={setChanged} /> : null}
      <h3>{t('allComments')}</h3>
      <CommentList page={comments.data} loading={comments.loading} chosen={chosen} />
    </section>
  );
}
