import { render } from 'preact';
import { LocationProvider } from 'preact-iso';
import type { ModeratorClient, QueueStatus } from '../moderator-client.js';
import { bulkActions } from './bulk-actions.js';
import type { ConsoleApp } from './console-app-handle.js';
import { ConsoleContext, type ConsoleControls } from './console-context.js';
import { setLang, t, type Lang } from './i18n.js';
import { listenForKeys } from './keyboard.js';
import { followSite } from './live-feed.js';
import { decisionActions } from './moderation-actions.js';
import { consoleBase, setConsoleBase } from './paths.js';
import { queueLoader } from './queue-loader.js';
import type { Session } from './session.js';
import { selectionClaims } from './selection-claims.js';
import { Shell } from './shell.js';
import { initialState, moveSelection } from './state.js';
import { waveActions } from './wave-actions.js';

export interface ConsoleOptions {
  root: HTMLElement;
  client: ModeratorClient;
  session: Session;
  onSignOut(error?: string): void;
  onLang(lang: Lang): void;
  /** Where the console's pages live (its queues are there, its statistics at `<basePath>/stats`…). @default '/moderate' */
  basePath?: string;
  now?: () => number;
}

/** The signed-in console: state, claims, the live feed, and the pages (Preact, routed under `basePath`). */
export function startConsole(opts: ConsoleOptions): () => void {
  const now = opts.now ?? Date.now;
  if (opts.basePath) setConsoleBase(opts.basePath);
  const s = initialState(opts.session);
  const listeners = new Set<() => void>();
  const cleanups: Array<() => void> = [];
  let stopped = false;

  const app: ConsoleApp = {
    state: s,
    client: opts.client,
    now,
    render() {
      if (!stopped) for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify(text, kind = 'info') {
      s.notice = { text, kind };
      app.render();
    },
    load: () => loader.load(),
    selectionChanged: () => selection.changed(),
    signOut(error) {
      stop();
      opts.onSignOut(error);
    },
  };

  const loader = queueLoader(app, () => stopped);
  const selection = selectionClaims({ state: s, client: opts.client, render: app.render, now });
  const actions = decisionActions(app);
  const waves = waveActions(app);
  const bulk = bulkActions(app);
  const reload = (focus?: QueueStatus) => {
    s.comments = [];
    s.selectedId = null;
    s.arrivals = 0;
    s.groups = [];
    s.selected = new Set();
    void app
      .load()
      .then(() => focus && document.getElementById(`tab-${focus}`)?.focus())
      .then(() => waves.refresh());
  };
  const controls: ConsoleControls = {
    app,
    actions,
    bulk,
    waves,
    loader,
    showQueue(q) {
      if (q === s.queue) return;
      s.queue = q;
      reload(q);
    },
    showSection(section) {
      if (section === s.section) return;
      s.section = section;
      reload();
    },
    select(id) {
      s.selectedId = id;
      app.selectionChanged();
      app.render();
    },
    move(step) {
      moveSelection(s, step);
      app.selectionChanged();
      app.render();
    },
    undo() {
      // a batch decided after the last single decision is what `u` takes back
      if (!s.lastDecided && bulk.undoable()) void bulk.undo();
      else void actions.undo();
    },
    setLang(lang) {
      setLang(lang);
      opts.onLang(lang);
      document.title = t('title');
      app.render();
    },
    signOut: () => app.signOut(),
  };

  function stop() {
    if (stopped) return;
    stopped = true;
    selection.stop();
    waves.stop();
    for (const cleanup of cleanups) cleanup();
    render(null, opts.root);
  }

  document.title = t('title');
  render(
    <LocationProvider scope={consoleBase()}>
      <ConsoleContext.Provider value={controls}>
        <Shell />
      </ConsoleContext.Provider>
    </LocationProvider>,
    opts.root,
  );
  const sub = followSite(app, { wavesChanged: () => waves.refreshSoon() });
  cleanups.push(() => sub.close());
  cleanups.push(listenForKeys(document));
  const clock = setInterval(app.render, 60_000); // relative times
  cleanups.push(() => clearInterval(clock));
  void app.load().then(() => waves.refresh());
  void waves.loadAttack();
  // whether this moderator may open the settings: the site's record is for its admins only
  opts.client.api.getSite({ path: { siteId: s.session.siteId }, retries: 0 }).then(
    () => {
      s.siteAdmin = true;
      app.render();
    },
    () => {
      s.siteAdmin = false;
      app.render();
    },
  );
  return stop;
}
