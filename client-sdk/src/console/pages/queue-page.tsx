import { useLocation } from 'preact-iso';
import type { QueueStatus } from '../../moderator-client.js';
import { paths } from '../paths.js';
import { CommentCard } from '../comment-card.js';
import { useConsole } from '../console-context.js';
import { t } from '../i18n.js';
import { focusSearchField, usePageKeys } from '../page-keys.js';
import { SectionFilter } from '../section-filter.js';
import { moderatorName, QUEUES, selectedComment, toggleAllSelected, toggleSelected } from '../state.js';
import { WaveList } from '../wave-list.js';

/** The queue tabs, each with its live count; arrow keys move between tabs. */
function QueueTabs() {
  const { app, showQueue } = useConsole();
  const s = app.state;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = QUEUES.indexOf(s.queue) + (e.key === 'ArrowRight' ? 1 : -1);
    showQueue(QUEUES[(i + QUEUES.length) % QUEUES.length]!);
  };
  return (
    <nav aria-label={t('queues')}>
      <div role="tablist" aria-label={t('queues')} onKeyDown={onKeyDown}>
        {QUEUES.map((q: QueueStatus) => (
          <button
            type="button"
            role="tab"
            key={q}
            id={`tab-${q}`}
            aria-selected={q === s.queue}
            aria-controls="queue-panel"
            tabIndex={q === s.queue ? 0 : -1}
            data-queue={q}
            onClick={() => showQueue(q)}
          >
            {t(q)}{' '}
            <span class="count" data-count={q}>
              {s.counts[q] === undefined ? '–' : String(s.counts[q])}
            </span>
          </button>
        ))}
      </div>
    </nav>
  );
}

/** Select all on the page, the count, one reason for all, and the batch's undo. */
function BulkBar() {
  const { app, bulk } = useConsole();
  const s = app.state;
  const count = s.comments.filter((c) => s.selected.has(c.id)).length;
  const all = s.comments.length > 0 && count === s.comments.length;
  return (
    <div class="bulk-bar" role="group" aria-label={t('select')}>
      <label class="choice">
        <input
          type="checkbox"
          id="select-all"
          checked={all}
          disabled={s.comments.length === 0}
          onChange={() => {
            toggleAllSelected(s);
            app.render();
          }}
        />
        {t('selectAllOnPage')}
      </label>
      <span class="selected-count" aria-live="polite">
        {count > 0 ? t('selectedCount', { count }) : ''}
      </span>
      {count > 0 ? (
        <>
          <button type="button" class="approve approve-selected" aria-keyshortcuts="Shift+A" onClick={() => void bulk.decide('approve')}>
            {t('approveSelected')}
          </button>
          <button type="button" class="reject reject-selected" aria-keyshortcuts="Shift+R" onClick={() => void bulk.decide('reject')}>
            {t('rejectSelected')}
          </button>
          <button
            type="button"
            class="clear-selection"
            onClick={() => {
              s.selected = new Set();
              app.render();
            }}
          >
            {t('clearSelection')}
          </button>
        </>
      ) : null}
      {bulk.undoable() ? (
        <button type="button" class="undo-batch" onClick={() => void bulk.undo()}>
          {t('undoBatch')}
        </button>
      ) : null}
    </div>
  );
}

/** The selected queue: tabs, section filter, bulk bar, waves and cards. */
export function QueuePage() {
  const controls = useConsole();
  const { app, actions, bulk, loader, select, move, showSection } = controls;
  const { route } = useLocation();
  const s = app.state;
  const now = app.now();
  const me = s.session.moderatorId;
  const withSelected = (run: (id: string) => void) => () => {
    if (s.selectedId) run(s.selectedId);
  };
  usePageKeys([
    { keys: 'j', label: 'keyJ', run: () => move(1) },
    { keys: 'k', label: 'keyK', run: () => move(-1) },
    { keys: 'a', label: 'keyA', run: withSelected((id) => void actions.approve(id)) },
    { keys: 'r', label: 'keyR', run: withSelected((id) => void actions.reject(id)) },
    { keys: 'b', label: 'keyB', run: withSelected((id) => void actions.ban(id)) },
    { keys: 'u', label: 'keyU', run: controls.undo },
    {
      keys: 'x',
      label: 'keyX',
      run: withSelected((id) => {
        toggleSelected(s, id);
        app.render();
      }),
    },
    { keys: 'A', label: 'keyShiftA', run: () => void bulk.decide('approve') },
    { keys: 'R', label: 'keyShiftR', run: () => void bulk.decide('reject') },
    {
      keys: 'o',
      label: 'keyO',
      run: () => {
        const c = selectedComment(s);
        if (c) route(paths.author(c.author.id));
      },
    },
    { keys: '/', label: 'keyFocusSearch', run: focusSearchField },
  ]);
  const arrived = s.arrivals > 0 ? t('newArrivals', { count: s.arrivals }) : '';
  return (
    <>
      <QueueTabs />
      <div class="queue-tools">
        <SectionFilter value={s.section} onChange={showSection} />
        <BulkBar />
      </div>
      <p class="arrivals" role="status" aria-live="polite">
        {arrived}
      </p>
      <WaveList />
      <section id="queue-panel" role="tabpanel" aria-labelledby={`tab-${s.queue}`} aria-busy={s.loading}>
        {s.loading && s.comments.length === 0 ? (
          <p class="empty">{t('loading')}</p>
        ) : s.comments.length === 0 ? (
          <p class="empty">{t('empty')}</p>
        ) : (
          <ol class="cards">
            {s.comments.map((c) => {
              const claim = s.claims.get(c.id);
              const claimedBy = claim && claim.moderatorId !== me && claim.until > now ? (moderatorName(s, claim.moderatorId) ?? t('someone')) : undefined;
              const isSelected = c.id === s.selectedId;
              const decideOn = (run: (id: string) => void) => () => {
                select(c.id);
                run(c.id);
              };
              return (
                <li key={c.id}>
                  <CommentCard
                    comment={c}
                    selected={isSelected}
                    author={isSelected ? s.authors.get(c.author.id) : undefined}
                    article={s.articles.get(c.articleId)}
                    claimedBy={claimedBy}
                    now={now}
                    ticked={s.selected.has(c.id)}
                    onTick={(range) => {
                      toggleSelected(s, c.id, range);
                      app.render();
                    }}
                    onSelect={() => select(c.id)}
                    actions={{
                      approve: decideOn((id) => void actions.approve(id)),
                      reject: decideOn((id) => void actions.reject(id)),
                      ban: decideOn((id) => void actions.ban(id)),
                      feature: decideOn((id) => void actions.feature(id)),
                    }}
                  />
                </li>
              );
            })}
          </ol>
        )}
        {s.nextCursor ? (
          <button type="button" class="more" onClick={() => void loader.loadMore()}>
            {t('more')}
          </button>
        ) : null}
      </section>
    </>
  );
}
