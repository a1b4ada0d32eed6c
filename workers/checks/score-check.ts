import type { Attribute } from '../../protocol/attribute.js';
import type { Reason, ReasonCode, ReasonSource } from '../../protocol/reason.js';
import type { ScoredSpan, TextScorer } from '../scoring/scorer.js';
import { defineCheck } from './define-check.js';
import { quoteRaw } from './quote-raw.js';
import { adaptedProbability } from '../learning/adaptation-math.js';
import type { Check } from './types.js';

const LABELS: Record<Attribute, string> = {
  toxicity: 'Toxic language',
  insult: 'Insult',
  threat: 'Threat',
  identity_attack: 'Identity attack',
  profanity: 'Profanity',
  spam: 'Spam signals',
  severe: 'Severe harm',
};
const QUOTES_PER_REASON = 3;
const SPANS_PER_REASON = 10;

/** One reason per attribute, strongest first, quoting its strongest distinct words. */
function reasonsFrom<C extends ReasonCode>(reason: ReasonSource<C>['reason'], code: C, raw: string, spans: readonly ScoredSpan[]): Reason<C>[] {
  const byAttribute = new Map<Attribute, ScoredSpan[]>();
  for (const span of [...spans].sort((a, b) => b.weight - a.weight || a.start - b.start)) {
    const group = byAttribute.get(span.attribute) ?? [];
    group.push(span);
    byAttribute.set(span.attribute, group);
  }
  return [...byAttribute].map(([attribute, group]) => {
    const quotes = [...new Set(group.map((s) => (s.label ? `${s.label} ` : '') + quoteRaw(raw, s)))];
    const top = group.slice(0, SPANS_PER_REASON).sort((a, b) => a.start - b.start);
    return reason(code, `${LABELS[attribute]}: ${quotes.slice(0, QUOTES_PER_REASON).join(', ')}`, {
      spans: top.map(({ start, end }) => ({ start, end })),
      attribute,
    });
  });
}

/**
 * A check that asks a scorer for scores and explains them with the spans the scorer points at.
 * It never decides a status: thresholds are applied by `decideStatus`, in one place.
 */
export function defineScoreCheck<const C extends ReasonCode>(options: {
  name: string;
  version: string;
  /** The code of the reasons that quote the scorer's spans. */
  code: C;
  scorer: TextScorer;
  /** The attribute a site's adaptation adjusts (see workers/learning). */
  adapts?: 'toxicity' | 'spam';
}): Check<C | 'site_adaptation'> {
  const { name, version, code, scorer, adapts } = options;
  return defineCheck({
    name,
    version,
    codes: [code, 'site_adaptation'],
    models: { [scorer.name]: scorer.version },
    run(ctx, reason) {
      const { scores, spans } = scorer.score(ctx.text, ctx.lang);
      const reasons: Array<Reason<C | 'site_adaptation'>> = reasonsFrom(reason, code, ctx.text.raw, spans);
      const learned = adapts && ctx.policy.learning.adaptScores ? ctx.adaptation?.[adapts] : undefined;
      const base = adapts ? (scores[adapts] ?? 0) : undefined;
      if (adapts && learned && base !== undefined) {
        const adapted = adaptedProbability(base, learned, ctx.adaptation!.features.values);
        scores[adapts] = adapted;
        // say so when the site's own decisions moved the score noticeably
        if (Math.abs(adapted - base) >= 0.05) {
          const message = `${LABELS[adapts]}: ${base.toFixed(2)} → ${adapted.toFixed(2)} from this site's ${learned.updates} moderator decisions`;
          reasons.push(reason('site_adaptation', message));
        }
      }
      return reasons.length > 0 ? { scores, reasons } : { scores };
    },
  });
}
