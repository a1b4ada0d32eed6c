import { abuseOf } from '../scoring/abuse/abuse-of.js';
import { defineCheck } from './define-check.js';
import { quoteRaw } from './quote-raw.js';

const LABELS = {
  group_derogation: 'Contempt for a group',
  reader_insult: 'Insult to the reader',
  obfuscated_abuse: 'Disguised insult or slur',
} as const;
const MAX_REASONS = 3;
const MODEL = { id: 'targeted-abuse', version: '1' };

/**
 * Scores contempt for a group without swear words ("je déteste les X", "les X sont tous des
 * voleurs"), insults to the reader ("pauvre type", "ferme-la") and insults or slurs hidden by
 * misspelling, as `insult` / `identity_attack` and `toxicity`, which `decideStatus` holds from
 * the toxicity hold threshold. Never a status of its own.
 */
export const targetedAbuse = defineCheck({
  name: 'targetedAbuse',
  version: '1',
  codes: ['group_derogation', 'reader_insult', 'obfuscated_abuse'],
  models: { [MODEL.id]: MODEL.version },
  run(ctx, reason) {
    const abuses = abuseOf(ctx.text, ctx.policy.groupTerms);
    if (abuses.length === 0) return undefined;
    const scores: { toxicity: number; insult?: number; identity_attack?: number } = { toxicity: abuses[0]!.score };
    for (const a of abuses) scores[a.attribute] = Math.max(scores[a.attribute] ?? 0, a.score);
    const reasons = abuses.slice(0, MAX_REASONS).map((a) =>
      reason(a.kind, `${LABELS[a.kind]}: ${quoteRaw(ctx.text.raw, a)}`, { spans: [{ start: a.start, end: a.end }], attribute: a.attribute, model: MODEL }),
    );
    return { scores, reasons, scoredBy: MODEL };
  },
});
