import { Route, Router, useLocation } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import { AttackBanner } from './attack-banner.js';
import { useConsole } from './console-context.js';
import { openHelp } from './help-dialog.js';
import { t, type MessageKey } from './i18n.js';
import { bindKeys, type KeyBinding } from './keyboard.js';
import { LanguageSwitch } from './language-switch.js';
import { ArticlePage, ArticlesPage } from './pages/article-page.js';
import { AuditPage } from './pages/audit-page.js';
import { AuthorPage } from './pages/author-page.js';
import { CommentPage } from './pages/comment-page.js';
import { QueuePage } from './pages/queue-page.js';
import { SearchPage } from './pages/search-page.js';
import { SettingsPage } from './pages/settings-page.js';
import { StatsPage } from './pages/stats-page.js';
import { consoleBase, paths } from './paths.js';

/** The pages in the navigation, with the `g` shortcut of each. */
const PAGES: Array<{ key: string; label: MessageKey; keyLabel: MessageKey; href: () => string; adminOnly?: boolean }> = [
  { key: 'q', label: 'navQueues', keyLabel: 'keyGoQueues', href: paths.queues },
  { key: 'f', label: 'navSearch', keyLabel: 'keyGoSearch', href: () => paths.search() },
  { key: 't', label: 'navArticles', keyLabel: 'keyGoArticles', href: paths.articles },
  { key: 's', label: 'navStats', keyLabel: 'keyGoStats', href: paths.stats },
  { key: 'l', label: 'navAudit', keyLabel: 'keyGoAudit', href: () => paths.audit() },
  { key: 'p', label: 'navSettings', keyLabel: 'keyGoSettings', href: paths.settings, adminOnly: true },
];

function NotFound() {
  return (
    <section class="page">
      <p>{t('notFound')}</p>
      <a href={paths.queues()}>{t('backToQueues')}</a>
    </section>
  );
}

/** The signed-in console: header, page navigation, attack banner, notices, and the current page. */
export function Shell() {
  const controls = useConsole();
  const { app } = controls;
  const s = app.state;
  const { path, route } = useLocation();
  const pages = PAGES.filter((p) => !p.adminOnly || s.siteAdmin === true);
  useEffect(() => {
    const global: KeyBinding[] = [
      ...pages.map((p) => ({ keys: `g ${p.key}`, label: p.keyLabel, run: () => route(p.href()) })),
      { keys: '?', label: 'keyHelp', run: () => void openHelp() },
    ];
    return bindKeys('global', global);
  });
  const current = (href: string) => (href === consoleBase() ? path === href : path.startsWith(href)) || undefined;
  const names = s.presence.map((m) => m.name);
  return (
    <>
      <header class="top">
        <h1>{t('title')}</h1>
        <p class="presence">
          {`${t('online')} : `}
          {names.length ? <span class="names">{names.join(', ')}</span> : t('nobodyOnline')}
        </p>
        {s.connected === false ? (
          <p class="offline" role="status">
            {t('disconnected')}
          </p>
        ) : null}
        <div class="tools">
          <button type="button" aria-keyshortcuts="u" onClick={controls.undo}>
            {t('undo')}
          </button>
          <button type="button" aria-keyshortcuts="?" onClick={() => void openHelp()}>
            {t('help')}
          </button>
          <LanguageSwitch onChange={controls.setLang} />
          <button type="button" class="sign-out" onClick={controls.signOut}>
            {t('signOut')}
          </button>
        </div>
      </header>
      {/* the attack banner is a live region of its own, so its start is announced */}
      <div class="banner-slot" role="alert">
        <AttackBanner attack={s.attack} articleTitle={(id) => s.articles.get(id)?.title ?? id} />
      </div>
      <nav class="pages" aria-label={t('pages')}>
        <ul>
          {pages.map((p) => (
            <li key={p.key}>
              <a href={p.href()} aria-current={current(p.href()) ? 'page' : undefined} aria-keyshortcuts={`g ${p.key}`}>
                {t(p.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="palabre-main">
        <div class="notice-slot" role="status" aria-live="polite">
          {s.notice ? (
            <div class={`notice ${s.notice.kind}`}>
              <span>{s.notice.text}</span>{' '}
              <button
                type="button"
                class="dismiss"
                aria-label={t('close')}
                onClick={() => {
                  s.notice = null;
                  app.render();
                }}
              >
                ×
              </button>
            </div>
          ) : null}
        </div>
        <Router>
          <Route path={consoleBase()} component={QueuePage} />
          <Route path={`${consoleBase()}/search`} component={SearchPage} />
          <Route path={`${consoleBase()}/articles`} component={ArticlesPage} />
          <Route path={`${consoleBase()}/articles/:articleId`} component={ArticlePage} />
          <Route path={`${consoleBase()}/authors/:authorId`} component={AuthorPage} />
          <Route path={`${consoleBase()}/comments/:commentId`} component={CommentPage} />
          <Route path={`${consoleBase()}/stats`} component={StatsPage} />
          <Route path={`${consoleBase()}/audit`} component={AuditPage} />
          <Route path={`${consoleBase()}/settings`} component={SettingsPage} />
          <Route default component={NotFound} />
        </Router>
      </main>
    </>
  );
}
