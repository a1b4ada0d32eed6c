import type { Span } from '../../protocol/reason.js';

const MAX_QUOTE = 40;

/**
 * The reader's own words for a span, in double quotes, on one line and shortened, for reason messages.
 * @example quoteRaw('T’es un c.o.n', { start: 8, end: 13 }) // '"c.o.n"'
 */
export function quoteRaw(raw: string, span: Span): string {
  const text = raw.slice(span.start, span.end).replace(/\s+/gu, ' ');
  return `"${text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text}"`;
}
