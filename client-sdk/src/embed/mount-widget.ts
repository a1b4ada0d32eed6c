import { createCommentsClient, type CommentsClient } from '../comments-client.js';
import type { PublicComment } from '../../../protocol/comment.js';
import { refreshDates } from './comment-date.js';
import { el } from './create-element.js';
import { nameFromSsoToken, type EmbedConfig } from './embed-config.js';
import { errorMessage } from './error-message.js';
import { isHttpError } from '../errors.js';
import { stringsFor } from './i18n.js';
import { liveAnnouncer } from './live-announcer.js';
import { catchUp, followLive, showOwnComment } from './live-thread.js';
import { postForm, safeLocalStorage } from './post-form.js';
import { sortMenu } from './sort-menu.js';
import { WIDGET_CSS } from './styles.js';
import { threadView } from './thread-view.js';
import { ownComments, refusalReasons } from './own-comments.js';

const PAGE_SIZE = 30;

export interface WidgetDeps {
  client: CommentsClient;
  now: () => number;
  storage: Storage | undefined;
}

/**
 * Mounts the widget in an open shadow root of `host`: count, form, the reader's order, thread,
 * "load more", and the live subscription. Returns a function that unmounts it.
 */
export function mountWidget(host: HTMLElement, config: EmbedConfig, deps: Partial<WidgetDeps> = {}): () => void {
  if (host.shadowRoot) return () => {}; // already mounted (the script was included twice)
  const t = stringsFor(config.lang);
  const client =
    deps.client ??
    createCommentsClient({
      url: config.apiUrl,
      siteId: config.siteId,
      siteKey: config.siteKey,
      ssoToken: config.ssoToken,
      // under a flood the server asks for a proof of work: the device solves it, the reader only waits a moment
      onChallenge: (state) => {
        status.textContent = state === 'solving' ? t.checking : '';
      },
    });
  const now = deps.now ?? Date.now;
  const shadow = host.attachShadow({ mode: 'open' });
  host.dataset.colorScheme = config.colorScheme;

  const live = liveAnnouncer();
  const count = el('p', { className: 'pal-count' });
  const status = el('p', { className: 'pal-status' });
  const loadMore = el('button', { className: 'pal-secondary pal-more', text: t.loadMore, attrs: { type: 'button' } });
  loadMore.hidden = true;
  const pendingOwn = new Map<string, PublicComment>();
  const storage = deps.storage ?? safeLocalStorage();
  const own = ownComments(storage, config.siteId, config.articleId, now);
  const refusedOwn = new Map<string, { comment: PublicComment; reasons: string[] }>();

  const actionAlert = el('p', { className: 'pal-alert', attrs: { role: 'alert' } });
  const thread = threadView({
    t,
    lang: config.lang,
    now,
    onReply: (comment, item, opener) => form.openReply(comment, item, opener),
    report: (id, reason) => client.report(id, reason),
    react: (id, add) => {
      actionAlert.textContent = '';
      return add ? client.react(id) : client.unreact(id);
    },
    reactFailed: (err) => {
      actionAlert.textContent = `${t.likeFailed} ${errorMessage(err, t)}`;
    },
  }, {
    // a comment taken down while the reader answers it must not take the form with it
    beforeRemove: (item) => {
      if (form.isUnder(item)) form.closeReply();
    },
  });
  const form = postForm({
    t,
    ssoName: nameFromSsoToken(config.ssoToken),
    storage,
    async submit(input) {
      const comment = await client
        .post(config.articleId, {
          body: input.body,
          author: { name: input.name },
          ...(input.parentId ? { parentId: input.parentId } : {}),
          ...(config.article ? { article: config.article } : {}),
          ...(input.composeMs !== undefined ? { composeMs: input.composeMs } : {}),
        })
        .catch((err: unknown) => {
          if (isHttpError(err) && err.code === 'article_closed') setClosed(true); // closed since the page loaded
          throw err;
        });
      showOwnComment(liveContext, comment);
      if (comment.status !== 'approved') own.add(comment); // still shown, with its fate, after a reload
      status.textContent = '';
    },
  });

  const closedNotice = el('p', { className: 'pal-closed', text: t.closed });
  closedNotice.hidden = true;
  /** A closed article keeps its thread but shows "comments closed" instead of the form and replies. */
  function setClosed(closed: boolean): void {
    if (closed) form.closeReply();
    form.element.hidden = closed;
    closedNotice.hidden = !closed;
    root.dataset.closed = String(closed);
  }

  const sorting = sortMenu({
    t,
    siteId: config.siteId,
    fallback: config.sort,
    storage,
    onChange: (sort) => {
      thread.setNewestFirst(sort === 'newest');
      void load();
    },
  });
  thread.setNewestFirst(sorting.sort === 'newest');
  /** The order the reader chose, with the newsroom's picks first when the page asks for them. */
  const query = () => ({ sort: sorting.sort, featuredFirst: config.featuredFirst });

  const root = el('section', { className: 'pal-root', attrs: { lang: config.lang, 'aria-label': t.title } }, [
    count,
    closedNotice,
    form.element,
    status,
    sorting.element,
    actionAlert,
    thread.element,
    loadMore,
    live.element,
  ]);
  const style = el('style', { text: WIDGET_CSS });
  if (config.nonce) style.nonce = config.nonce;
  shadow.append(style, root);

  let cursor: string | null = null;
  let countTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshCount = (delayMs = 0) => {
    clearTimeout(countTimer);
    countTimer = setTimeout(() => {
      client.count(config.articleId).then(
        (n) => {
          count.textContent = t.count(n);
          status.textContent = n === 0 && pendingOwn.size === 0 ? t.empty : '';
        },
        () => {}, // the thread still shows; the count comes back with the next event
      );
    }, delayMs);
  };
  const showLoadError = (err: unknown, retry: () => void) => {
    const again = el('button', { className: 'pal-link', text: t.retry, attrs: { type: 'button' } });
    again.addEventListener('click', retry);
    status.replaceChildren(el('span', { text: `${t.loadFailed} ${errorMessage(err, t)} ` }), again);
  };

  /** First page (again, after a resync); the reader's pending comments are kept. */
  async function load(): Promise<void> {
    status.textContent = t.loading;
    try {
      const page = await client.list(config.articleId, { ...query(), limit: PAGE_SIZE });
      form.closeReply();
      thread.clear();
      thread.appendPage(page.comments);
      setClosed(page.closed);
      for (const c of pendingOwn.values()) thread.addPending(c);
      for (const r of refusedOwn.values()) thread.addRefused(r.comment, r.reasons);
      cursor = page.nextCursor;
      loadMore.hidden = cursor === null;
      status.textContent = '';
      refreshCount();
    } catch (err) {
      showLoadError(err, () => void load());
    }
  }
  loadMore.addEventListener('click', async () => {
    if (!cursor) return;
    loadMore.disabled = true;
    try {
      const page = await client.list(config.articleId, { ...query(), limit: PAGE_SIZE, cursor });
      thread.appendPage(page.comments);
      cursor = page.nextCursor;
      loadMore.hidden = cursor === null;
    } catch (err) {
      showLoadError(err, () => loadMore.click());
    } finally {
      loadMore.disabled = false;
    }
  });

  /**
   * The reader's own comments from earlier visits, not in the thread: still awaiting moderation,
   * or refused — then shown to them alone with the reasons, as the statement of reasons gives them.
   */
  async function restoreOwn(): Promise<void> {
    for (const c of own.list()) {
      if (thread.has(c.id) && !thread.isPending(c.id)) {
        own.drop(c.id); // published since
        continue;
      }
      const statement = await client.getStatementOfReasons(c.id).catch((err: unknown) => {
        if (isHttpError(err) && (err.status === 403 || err.status === 404)) own.drop(c.id); // erased, or another identity now
        return null;
      });
      if (!statement) continue;
      if (statement.status === 'approved') own.drop(c.id); // on a later page of the thread
      else if (statement.status === 'rejected') {
        const reasons = refusalReasons(statement, config.lang);
        refusedOwn.set(c.id, { comment: c, reasons });
        thread.addRefused(c, reasons);
      }
      else {
        pendingOwn.set(c.id, c);
        thread.addPending(c);
      }
    }
    refreshCount();
  }

  const liveContext = {
    client,
    articleId: config.articleId,
    thread,
    pendingOwn,
    t,
    announce: live.announce,
    countChanged: () => refreshCount(200),
    reload: () => void load(),
    query,
    closedChanged: (closed: boolean) => {
      setClosed(closed);
      live.announce(closed ? t.closed : t.formTitle);
    },
  };
  const subscription = followLive(liveContext);
  const firstLoad = load();
  void Promise.all([firstLoad, subscription.ready]).then(async () => {
    root.dataset.live = 'ready';
    if (cursor === null) await catchUp(liveContext, PAGE_SIZE); // else newer roots come with "load more"
  }, () => {});
  void firstLoad.then(restoreOwn); // with or without live updates
  const dates = setInterval(() => refreshDates(shadow, config.lang, t, now()), 60_000);

  return () => {
    subscription.close();
    clearTimeout(countTimer);
    clearInterval(dates);
    shadow.replaceChildren();
  };
}
