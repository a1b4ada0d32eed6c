import type { Reason, Span } from '../../../protocol/reason.js';

export interface Segment {
  text: string;
  highlighted: boolean;
}

/**
 * Splits a body into plain and highlighted parts by the reasons' spans; overlapping and
 * out-of-range spans are merged and clamped, so any spans give a well-formed split.
 */
export function segmentsOf(body: string, spans: Span[]): Segment[] {
  const clean = spans
    .map((s) => ({ start: Math.max(0, Math.min(body.length, s.start)), end: Math.max(0, Math.min(body.length, s.end)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of clean) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  const out: Segment[] = [];
  let at = 0;
  for (const s of merged) {
    if (s.start > at) out.push({ text: body.slice(at, s.start), highlighted: false });
    out.push({ text: body.slice(s.start, s.end), highlighted: true });
    at = s.end;
  }
  if (at < body.length) out.push({ text: body.slice(at), highlighted: false });
  return out;
}
