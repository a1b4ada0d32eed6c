import { severeHarmOf } from '../scoring/severe-harm/severe-harm-of.js';
import { SEVERE_HARM_SCORER_VERSION } from '../scoring/severe-harm/severe-harm-scorer.js';
import type { SevereCategory } from '../scoring/severe-harm/severe-finding.js';
import { defineCheck } from './define-check.js';
import { quoteRaw } from './quote-raw.js';
import type { Reason } from './types.js';

const LABELS: Record<SevereCategory, string> = {
  threat: 'Threat',
  incitement: 'Call to violence',
  wish_of_harm: 'Wish of death or harm',
  dehumanisation: 'Dehumanisation',
};
// the strongest few are enough for a moderator; the spans of each are highlighted
const MAX_REASONS = 3;

/**
 * Scores threats, calls to violence, wishes of harm and dehumanisation (`severe`, 0..1) and
 * names each with its category and the words the reader typed; `decideStatus` rejects at the
 * site's `thresholds.severe.reject` in both modes and holds from `.hold`.
 */
export const severeHarm = defineCheck(
  'severeHarm',
  '1',
  (ctx) => {
    const { severe, harms } = severeHarmOf(ctx.text, ctx.policy.groupTerms);
    if (severe === 0) return undefined;
    const reasons: Reason[] = harms.slice(0, MAX_REASONS).map((h) => ({
      check: 'severeHarm',
      code: h.category,
      category: h.category,
      message:
        `${LABELS[h.category]} (${h.score.toFixed(2)}${h.voice === 'meant' ? '' : `, ${h.voice}`}): ` +
        quoteRaw(ctx.text.raw, h),
      spans: [{ start: h.start, end: h.end }],
    }));
    return { scores: { severe }, reasons };
  },
  { 'severe-harm': SEVERE_HARM_SCORER_VERSION },
);
