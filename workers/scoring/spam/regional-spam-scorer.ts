import type { Scores } from '../../../protocol/attribute.js';
import type { ScoredSpan, TextScorer } from '../scorer.js';
import { sigmoid } from '../model/linear-model.js';
import { REGIONAL_SPAM_FEATURES, regionalSpamFeatures } from './regional-spam-features.js';
import { stackMargin, type SpamStack } from './spam-stack.js';

/** The score from which a spam score explains itself: below the default hold threshold there is nothing to show. */
const SPAN_MIN_SCORE = 0.5;
const SPANS_MAX = 8;
const CONTACT_FEATURES = new Set<string>(['contact_bait', 'phone_number', 'chat_number', 'chat_link', 'email_address', 'email_obfuscated']);

const overlaps = (a: ScoredSpan, b: ScoredSpan) => a.start < b.end && b.start < a.end;

/**
 * The built-in spam scorer: the n-gram model (`base`, trained on the spam sets) with the regional
 * evidence of West African French scams on top (loans, investments, marabouts, crypto, lotteries,
 * WhatsApp numbers, e-mail addresses), and a legitimate context (a lost child, the police, the
 * newsroom) that weighs against them. Spans name the scam family or the kind of contact.
 */
export function regionalSpamScorer(base: TextScorer, stack: SpamStack): TextScorer {
  return {
    name: 'linear-spam',
    version: base.version,
    score(text, lang) {
      const scored = base.score(text, lang);
      const baseP = scored.scores.spam ?? 0;
      const { values, hits } = regionalSpamFeatures(text);
      const p = Math.min(stack.ceiling, sigmoid(stackMargin(stack, baseP, values)));
      const scores: Scores = { spam: p };
      if (p < SPAN_MIN_SCORE) return { scores, spans: [] };
      const index = (name: string) => REGIONAL_SPAM_FEATURES.indexOf(name as (typeof REGIONAL_SPAM_FEATURES)[number]);
      // what raised the score: regional matches whose feature counts for spam, strongest first
      // a scam next to a way to reach the scammer: that evidence is shown on the contact itself
      const contacts = hits.filter((h) => CONTACT_FEATURES.has(h.feature));
      const withContact = (stack.weights[index('scam_with_contact')] ?? 0) * (values[index('scam_with_contact')] ?? 0);
      const regional = hits
        .map((h) => ({
          h,
          c: (stack.weights[index(h.feature)] ?? 0) * (values[index(h.feature)] ?? 0) + (CONTACT_FEATURES.has(h.feature) ? withContact / contacts.length : 0),
        }))
        .filter((x) => x.c > 0)
        .sort((a, b) => b.c - a.c);
      const total = regional.reduce((sum, x) => sum + x.c, 0);
      const spans: ScoredSpan[] = [];
      for (const { h, c } of regional) {
        const span: ScoredSpan = { start: h.start, end: h.end, attribute: 'spam', weight: Math.min(1, (p * c) / total), label: h.label };
        if (!spans.some((s) => overlaps(s, span))) spans.push(span);
      }
      // the n-gram model's own explanation, where it says something the regional evidence does not
      for (const s of scored.spans) if (!spans.some((o) => overlaps(o, s))) spans.push(s);
      return { scores, spans: spans.slice(0, SPANS_MAX) };
    },
  };
}
