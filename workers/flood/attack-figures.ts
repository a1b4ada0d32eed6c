import { FLOOD_SIGNALS, type AttackFigures, type FloodSignal } from '../../protocol/flood.js';
import { topArticles } from '../../core/flood/attack-state.js';

const MINUTE_MS = 60_000;
export const minuteOf = (ms: number): number => Math.floor(ms / MINUTE_MS);
const windowMinutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** Fields of the site's flood-rate hash (`n:`, `h:`, `<signal>:` per minute) older than the window. */
export function staleRateFields(rate: Record<string, string>, nowMinute: number, windowSeconds: number): string[] {
  const oldest = nowMinute - windowMinutes(windowSeconds);
  return Object.keys(rate).filter((f) => !f.startsWith('a:') && Number(f.slice(f.indexOf(':') + 1)) <= oldest);
}

/**
 * The figures of the site's recent flagged comments from its per-minute counts: how many in the
 * window, by signal, held or rejected, and the articles with the most (`a:<articleId>` fields).
 * @example windowFigures({ 'n:100': '25', 'text_campaign:100': '25', 'a:budget': '25' }, 100, 300).windowCount // 25
 */
export function windowFigures(rate: Record<string, string>, nowMinute: number, windowSeconds: number): AttackFigures {
  const minutes = windowMinutes(windowSeconds);
  const signals = Object.fromEntries(FLOOD_SIGNALS.map((s) => [s, 0])) as Record<FloodSignal, number>;
  let windowCount = 0;
  let heldOrRejected = 0;
  const articles: Array<{ id: string; flagged: number }> = [];
  for (const [field, value] of Object.entries(rate)) {
    const n = Number(value);
    if (field.startsWith('a:')) {
      articles.push({ id: field.slice(2), flagged: n });
      continue;
    }
    const at = field.indexOf(':');
    const minute = Number(field.slice(at + 1));
    if (minute <= nowMinute - minutes || minute > nowMinute) continue;
    const kind = field.slice(0, at);
    if (kind === 'n') windowCount += n;
    else if (kind === 'h') heldOrRejected += n;
    else if (kind in signals) signals[kind as FloodSignal] += n;
  }
  return {
    signals,
    flagged: windowCount,
    heldOrRejected,
    windowCount,
    windowSeconds: minutes * 60,
    articles: topArticles(articles),
  };
}
