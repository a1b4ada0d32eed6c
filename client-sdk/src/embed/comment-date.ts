import type { Lang, Strings } from './i18n.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "il y a 5 minutes" for the last week, else an absolute date ("12 mars 2026"); `now` is
 * injected so the output is deterministic in tests.
 */
export function formatCommentDate(iso: string, lang: Lang, t: Strings, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return '';
  const ago = Math.max(0, now - at);
  if (ago < MINUTE) return t.justNow;
  if (ago < 7 * DAY) {
    const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    if (ago < HOUR) return rtf.format(-Math.floor(ago / MINUTE), 'minute');
    if (ago < DAY) return rtf.format(-Math.floor(ago / HOUR), 'hour');
    return rtf.format(-Math.floor(ago / DAY), 'day');
  }
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(at);
}

/** Full date and time, for the tooltip of the short one. */
export const fullDate = (iso: string, lang: Lang): string =>
  Number.isFinite(Date.parse(iso)) ? new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short' }).format(Date.parse(iso)) : '';

/** Brings every relative date under `root` up to date ("à l'instant" becomes "il y a 3 minutes"). */
export function refreshDates(root: ParentNode, lang: Lang, t: Strings, now: number): void {
  for (const time of root.querySelectorAll('time')) time.textContent = formatCommentDate(time.dateTime, lang, t, now);
}
