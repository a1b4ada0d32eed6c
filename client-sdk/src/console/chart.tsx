import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { t } from './i18n.js';

export interface ChartSeries {
  label: string;
  values: Array<number | null>;
  color: string;
  /** The right-hand axis (a second unit, e.g. minutes beside a count). */
  right?: boolean;
}

export interface ChartProps {
  /** Id of the figure (its heading is `${id}-title`). */
  id: string;
  title: string;
  /** X values: Unix seconds. */
  x: number[];
  series: ChartSeries[];
  /** The same figures as a table: column headings and rows of cells (text). */
  table: { columns: string[]; rows: Array<Array<string | number>> };
  /** Show the table instead of the chart (the page's `t` key switches every chart). */
  tableView: boolean;
  onToggle(): void;
  /** Axis ticks: day dates or times of day. */
  timeFormat?: 'day' | 'hour';
}

/** A uPlot chart (canvas, drawn at the width of its box), with its table view for screen readers, phones and copying. */
export function Chart(p: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (p.tableView || !box.current) return;
    const el = box.current;
    const measure = () => setWidth(Math.floor(el.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [p.tableView]);
  useEffect(() => {
    if (p.tableView || !box.current || width === 0 || p.x.length === 0) return;
    const right = p.series.some((s) => s.right);
    const fmt = p.timeFormat === 'hour' ? '{HH}:{mm}' : '{DD}/{MM}';
    const plot = new uPlot(
      {
        width,
        height: 220,
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] }, ...(right ? { r: { range: (_u: uPlot, _min: number, max: number) => [0, Math.max(1, max)] } } : {}) },
        axes: [
          { values: (_u, ticks) => ticks.map((tick) => uPlot.fmtDate(fmt)(new Date(tick * 1000))) },
          { size: 40 },
          ...(right ? [{ scale: 'r', side: 1 as const, size: 40, grid: { show: false } }] : []),
        ],
        series: [{}, ...p.series.map((s) => ({ label: s.label, stroke: s.color, width: 2, ...(s.right ? { scale: 'r' } : {}), points: { show: p.x.length < 40 } }))],
        legend: { live: false },
      },
      [p.x, ...p.series.map((s) => s.values)],
      box.current,
    );
    return () => plot.destroy();
  }, [p.tableView, width, p.x, p.series]);
  const caption = t('chartOf', { title: p.title });
  return (
    <figure class="chart" id={p.id} aria-labelledby={`${p.id}-title`}>
      <div class="chart-head">
        <h3 id={`${p.id}-title`}>{p.title}</h3>
        <button type="button" class="toggle-view" aria-pressed={p.tableView} onClick={p.onToggle}>
          {p.tableView ? t('showChart') : t('showTable')}
        </button>
      </div>
      {p.x.length === 0 ? (
        <p class="empty">{t('noData')}</p>
      ) : p.tableView ? (
        <DataTable caption={p.title} columns={p.table.columns} rows={p.table.rows} />
      ) : (
        <div class="chart-box" ref={box} role="img" aria-label={caption} />
      )}
    </figure>
  );
}

/** A table that scrolls inside its own box on a phone, never the page. */
export function DataTable(p: { caption: string; columns: string[]; rows: Array<Array<string | number | preact.ComponentChild>>; id?: string }) {
  return (
    <div class="table-box" tabIndex={0} role="region" aria-label={p.caption}>
      <table id={p.id}>
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            {p.columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (j === 0 ? <th scope="row">{cell}</th> : <td>{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
