import { SEVERE_CATEGORIES, type SevereCategory } from '../../protocol/severe-category.js';
import { severeHarmOf } from '../scoring/severe-harm/severe-harm-of.js';
import { SEVERE_HARM_SCORER_VERSION } from '../scoring/severe-harm/severe-harm-scorer.js';
import { defineCheck } from './define-check.js';
import { quoteRaw } from './quote-raw.js';

const LABELS: Record<SevereCategory, string> = {
  threat: 'Threat',
  incitement: 'Call to violence',
  wish_of_harm: 'Wish of death or harm',
  dehumanisation: 'Dehumanisation',
};
// the strongest few are enough for a moderator; the spans of each are highlighted
const MAX_REASONS = 3;
const MODEL = { id: 'severe-harm', version: SEVERE_HARM_SCORER_VERSION };

/**
 * Scores threats, calls to violence, wishes of harm and dehumanisation (`severe`, 0..1) and
 * names each with its category and the words the reader typed; `decideStatus` rejects at the
 * site's `thresholds.severe.reject` in both modes and holds from `.hold`.
 */
export const severeHarm = defineCheck({
  name: 'severeHarm',
  version: '1',
  codes: SEVERE_CATEGORIES,
  models: { [MODEL.id]: MODEL.version },
  run(ctx, reason) {
    const { severe, harms } = severeHarmOf(ctx.text, ctx.policy.groupTerms);
    if (severe === 0) return undefined;
    const reasons = harms.slice(0, MAX_REASONS).map((h) => {
      const how = h.voice === 'meant' ? '' : `, ${h.voice}`;
      const message = `${LABELS[h.category]} (${h.score.toFixed(2)}${how}): ${quoteRaw(ctx.text.raw, h)}`;
      return reason(h.category, message, { spans: [{ start: h.start, end: h.end }], category: h.category, model: MODEL });
    });
    return { scores: { severe }, reasons, scoredBy: MODEL };
  },
});
