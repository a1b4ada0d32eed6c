import { useLocation } from 'preact-iso';
import { useMemo, useState } from 'preact/hooks';
import type { OperationResult } from '../../api-client.js';
import { Chart, DataTable } from '../chart.js';
import { useConsole } from '../console-context.js';
import { downloadCsv, toCsv } from '../csv.js';
import { formatNumber, t } from '../i18n.js';
import { usePageKeys } from '../page-keys.js';
import { paths } from '../paths.js';
import { useLoad } from '../use-load.js';

type Stats = OperationResult<'siteStats'>;
type Bucket = Stats['buckets'][number];

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const seconds = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`) / 1000;
const percent = (part: number, whole: number) => (whole > 0 ? `${formatNumber((100 * part) / whole, 1)} %` : '—');

/** A duration as people read it: 45 s, 12 min, 3 h. */
export function duration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 60_000) return t('seconds', { n: Math.round(ms / 1000) });
  if (ms < 3_600_000) return t('minutes', { n: Math.round(ms / 60_000) });
  return t('hours', { n: formatNumber(ms / 3_600_000, 1) });
}

/** The columns of the decisions table, the CSV's too (stable English names in the CSV). */
const BUCKET_COLUMNS: Array<[keyof Bucket | 'median' | 'p90', Parameters<typeof t>[0]]> = [
  ['received', 'received'],
  ['autoApproved', 'autoApproved'],
  ['autoHeld', 'autoHeld'],
  ['autoRejected', 'autoRejected'],
  ['humanApproved', 'humanApproved'],
  ['humanRejected', 'humanRejected'],
  ['scoredToxic', 'scoredToxic'],
  ['scoredSpam', 'scoredSpam'],
  ['surges', 'surges'],
  ['reports', 'reportsCol'],
  ['median', 'medianHuman'],
  ['p90', 'p90Human'],
];
const cellOf = (b: Bucket, key: (typeof BUCKET_COLUMNS)[number][0]): number | null =>
  key === 'median' ? b.humanTimeToDecision.medianMs : key === 'p90' ? b.humanTimeToDecision.p90Ms : (b[key] as number);

/** How the day went, and the weeks before: decisions, the held queue, times, shares, by moderator, section and article. */
export function StatsPage() {
  const { app } = useConsole();
  const { query, route, path } = useLocation();
  const today = day(app.now());
  const from = query.from ?? day(app.now() - 29 * DAY_MS);
  const to = query.to ?? today;
  const interval = query.interval === 'week' ? 'week' : 'day';
  const [tables, setTables] = useState(false);
  const [draft, setDraft] = useState({ from, to });
  const stats = useLoad(() => app.client.api.siteStats({ path: { siteId: app.state.session.siteId }, query: { from, to, interval } }), [from, to, interval]);
  const go = (next: Record<string, string>) => route(`${path}?${new URLSearchParams({ from, to, interval, ...next })}`, true);
  const data = stats.data;
  const exportCsv = () => {
    if (!data) return;
    const header = ['start', ...BUCKET_COLUMNS.map(([key]) => (key === 'median' ? 'humanMedianMs' : key === 'p90' ? 'humanP90Ms' : key))];
    downloadCsv(`palabre-stats-${from}-${to}-${interval}.csv`, toCsv(header, data.buckets.map((b) => [b.start, ...BUCKET_COLUMNS.map(([key]) => cellOf(b, key))])));
  };
  usePageKeys([
    { keys: 'd', label: 'keyD', run: () => go({ interval: 'day' }) },
    { keys: 'w', label: 'keyW', run: () => go({ interval: 'week' }) },
    { keys: 't', label: 'keyT', run: () => setTables((v) => !v) },
    { keys: 'e', label: 'keyE', run: exportCsv },
  ]);
  const decisions = useMemo(() => decisionsChart(data), [data]);
  const held = useMemo(() => heldChart(data), [data]);
  const [views, setViews] = useState<Record<string, boolean>>({});
  const tableView = (id: string) => views[id] ?? tables;
  const toggle = (id: string) => () => setViews((v) => ({ ...v, [id]: !tableView(id) }));
  const invalid = draft.from > draft.to;
  return (
    <section class="page stats" aria-labelledby="stats-title">
      <h2 id="stats-title">{t('statsTitle')}</h2>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) go(draft);
        }}
      >
        <div class="field inline">
          <label for="stats-from">{t('from')}</label>
          <input type="date" id="stats-from" value={draft.from} max={today} onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
        </div>
        <div class="field inline">
          <label for="stats-to">{t('to')}</label>
          <input type="date" id="stats-to" value={draft.to} max={today} onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
        </div>
        <div class="field inline">
          <label for="stats-interval">{t('interval')}</label>
          <select id="stats-interval" value={interval} onChange={(e) => go({ interval: e.currentTarget.value })}>
            <option value="day">{t('day')}</option>
            <option value="week">{t('week')}</option>
          </select>
        </div>
        <button type="submit" class="primary" disabled={invalid}>
          {t('apply')}
        </button>
        <button type="button" class="export" aria-keyshortcuts="e" onClick={exportCsv} disabled={!data}>
          {t('exportCsv')}
        </button>
        {invalid ? <p class="field-error" role="alert">{t('rangeInvalid')}</p> : null}
      </form>
      {stats.error ? (
        <p class="error" role="alert">
          {stats.code === 'validation_failed' ? t('rangeInvalid') : t('failed', { message: stats.error })}
        </p>
      ) : null}
      {!data ? (
        <p class="empty">{t('loading')}</p>
      ) : (
        <>
          <Totals stats={data} />
          <Chart id="chart-decisions" title={t('decisionsChart')} {...decisions} tableView={tableView('decisions')} onToggle={toggle('decisions')} />
          <Chart id="chart-held" title={t('heldChart')} {...held} timeFormat={data.heldQueue.resolution === 'hour' ? 'hour' : 'day'} tableView={tableView('held')} onToggle={toggle('held')} />
          <Breakdowns stats={data} />
        </>
      )}
    </section>
  );
}

function Totals({ stats }: { stats: Stats }) {
  const x = stats.totals;
  const autoDecided = x.autoApproved + x.autoHeld + x.autoRejected;
  const figures: Array<[string, string, string]> = [
    ['received', t('received'), formatNumber(x.received)],
    ['median-human', t('medianHuman'), duration(x.humanTimeToDecision.medianMs)],
    ['p90-human', t('p90Human'), duration(x.humanTimeToDecision.p90Ms)],
    ['toxic-share', t('toxicShare'), percent(x.scoredToxic, autoDecided)],
    ['spam-share', t('spamShare'), percent(x.scoredSpam, autoDecided)],
    ['surges', t('surgeCount'), formatNumber(x.surges)],
  ];
  return (
    <section class="totals" aria-label={t('totals')}>
      <dl>
        {figures.map(([id, label, value]) => (
          <div key={id} data-figure={id}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function decisionsChart(stats: Stats | undefined) {
  const buckets = stats?.buckets ?? [];
  const series = (label: Parameters<typeof t>[0], color: string, pick: (b: Bucket) => number) => ({ label: t(label), color, values: buckets.map(pick) });
  return {
    x: buckets.map((b) => seconds(b.start)),
    series: [
      series('autoApproved', '#15803d', (b) => b.autoApproved),
      series('autoHeld', '#d97706', (b) => b.autoHeld),
      series('autoRejected', '#b91c1c', (b) => b.autoRejected),
      series('humanApproved', '#1d4ed8', (b) => b.humanApproved),
      series('humanRejected', '#7c3aed', (b) => b.humanRejected),
    ],
    table: {
      columns: [t('periodStart'), ...BUCKET_COLUMNS.map(([, label]) => t(label))],
      rows: buckets.map((b) => [
        b.start,
        ...BUCKET_COLUMNS.map(([key]) => (key === 'median' || key === 'p90' ? duration(cellOf(b, key)) : formatNumber(cellOf(b, key) ?? 0))),
      ]),
    },
  };
}

function heldChart(stats: Stats | undefined) {
  const points = stats?.heldQueue.points ?? [];
  const minutes = (p: (typeof points)[number]) => Math.round(p.oldestAgeSeconds / 60);
  return {
    x: points.map((p) => Date.parse(p.at) / 1000),
    series: [
      { label: t('heldSize'), color: '#d97706', values: points.map((p) => p.held) },
      { label: t('heldAge'), color: '#52525b', values: points.map(minutes), right: true },
    ],
    table: {
      columns: [t('at'), t('heldSize'), t('heldAge')],
      rows: points.map((p) => [p.at.slice(0, 16).replace('T', ' '), formatNumber(p.held), formatNumber(minutes(p))]),
    },
  };
}

function Breakdowns({ stats }: { stats: Stats }) {
  const moderators = Object.entries(stats.totals.decisionsByModerator);
  return (
    <>
      <section class="breakdown" aria-labelledby="by-moderator">
        <h3 id="by-moderator">{t('byModerator')}</h3>
        <DataTable
          id="table-moderators"
          caption={t('byModerator')}
          columns={[t('moderator'), t('approved_col'), t('rejected_col')]}
          rows={moderators.map(([id, d]) => [stats.moderators[id] ?? (id === 'admin' ? 'Admin' : id), formatNumber(d.approved), formatNumber(d.rejected)])}
        />
      </section>
      <section class="breakdown" aria-labelledby="by-section">
        <h3 id="by-section">{t('bySection')}</h3>
        <DataTable
          id="table-sections"
          caption={t('bySection')}
          columns={[t('section'), t('received'), t('autoHeld'), t('autoRejected'), t('humanApproved'), t('humanRejected'), t('toxicShare')]}
          rows={stats.sections.map((s) => [
            s.section,
            formatNumber(s.received),
            formatNumber(s.autoHeld),
            formatNumber(s.autoRejected),
            formatNumber(s.humanApproved),
            formatNumber(s.humanRejected),
            percent(s.scoredToxic, s.autoApproved + s.autoHeld + s.autoRejected),
          ])}
        />
      </section>
      <section class="breakdown" aria-labelledby="by-article">
        <h3 id="by-article">{t('byArticle')}</h3>
        <DataTable
          id="table-articles"
          caption={t('byArticle')}
          columns={[t('article'), t('section'), t('received'), t('held_col'), t('rejected_col')]}
          rows={stats.articles.map((a) => [
            <a href={paths.article(a.articleId)}>{a.title ?? a.articleId}</a>,
            a.section ?? '',
            formatNumber(a.received),
            formatNumber(a.held),
            formatNumber(a.rejected),
          ])}
        />
      </section>
    </>
  );
}
