import type { Reason } from '../../../protocol/reason.js';
import { segmentsOf } from './highlight-spans.js';

/**
 * The body as text, the spans of every reason in <mark>; the words of a severe harm (a threat,
 * a call to violence…) get `class="severe"`. Preact renders strings as text nodes: no markup
 * in a comment is ever run.
 */
export function HighlightedBody(props: { body: string; reasons: Reason[] | undefined }) {
  const reasons = props.reasons ?? [];
  const severe = reasons.filter((r) => r.category !== undefined).flatMap((r) => r.spans ?? []);
  let at = 0;
  const parts = segmentsOf(props.body, reasons.flatMap((r) => r.spans ?? [])).map((seg, i) => {
    const start = at;
    at += seg.text.length;
    if (!seg.highlighted) return seg.text;
    const isSevere = severe.some((s) => s.start < at && start < s.end);
    return (
      <mark key={i} class={isSevere ? 'severe' : undefined}>
        {seg.text}
      </mark>
    );
  });
  return <p class="body">{parts}</p>;
}
