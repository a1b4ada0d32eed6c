import type { QueuePage } from '../../moderator-client.js';
import { CommentCard } from '../comment-card.js';
import { useConsole } from '../console-context.js';
import { t } from '../i18n.js';

/** Comments found by a search, an article's or an author's: read-only cards, each linking to its page. */
export function CommentList(props: { page: QueuePage | undefined; loading: boolean; chosen?: number; onMore?: () => void }) {
  const { app } = useConsole();
  const now = app.now();
  if (props.loading && !props.page) return <p class="empty">{t('loading')}</p>;
  const comments = props.page?.comments ?? [];
  if (comments.length === 0) return <p class="empty">{t('noResults')}</p>;
  return (
    <>
      <ol class="cards">
        {comments.map((c, i) => (
          <li key={c.id}>
            <CommentCard comment={c} selected={i === props.chosen} article={props.page!.articles[c.articleId]} now={now} />
          </li>
        ))}
      </ol>
      {props.page?.nextCursor && props.onMore ? (
        <button type="button" class="more" onClick={props.onMore}>
          {t('more')}
        </button>
      ) : null}
    </>
  );
}

/** Moves the chosen card of a list with j and k, and follows its link with o. */
export function listKeys(count: number, chosen: number, choose: (i: number) => void) {
  const focus = (i: number) => {
    const index = Math.max(0, Math.min(count - 1, i));
    choose(index);
    document.querySelectorAll<HTMLElement>('.cards > li')[index]?.scrollIntoView({ block: 'nearest' });
  };
  return [
    { keys: 'j', label: 'keyJList' as const, run: () => focus(chosen + 1) },
    { keys: 'k', label: 'keyKList' as const, run: () => focus(chosen - 1) },
    {
      keys: 'o',
      label: 'keyEnterOpen' as const,
      run: () => document.querySelectorAll<HTMLAnchorElement>('.cards > li .card-links a:nth-child(2)')[chosen]?.click(),
    },
  ];
}
