import type { Reason, ReasonSource, Span } from '../../protocol/reason.js';
import { toRawSpan } from '../text/normalize.js';
import { termMatcherFor } from '../text/term-matcher.js';
import { defineCheck } from './define-check.js';
import { quoteRaw } from './quote-raw.js';
import type { CheckContext } from './types.js';

// enough for a moderator to see what went wrong without flooding the console
const MAX_REASONS_PER_LIST = 10;

type Code = 'banned_word' | 'suspect_word';

/** One reason per list entry found, with every place it occurs. */
function reasonsFor(
  ctx: CheckContext,
  terms: readonly string[],
  code: Code,
  label: string,
  reason: ReasonSource<Code>['reason'],
): Array<Reason<Code>> {
  if (terms.length === 0) return [];
  const spansByTerm = new Map<number, Span[]>();
  for (const m of termMatcherFor(terms).match(ctx.text)) {
    const spans = spansByTerm.get(m.term) ?? [];
    spans.push(toRawSpan(ctx.text, m.start, m.end));
    spansByTerm.set(m.term, spans);
  }
  return [...spansByTerm].slice(0, MAX_REASONS_PER_LIST).map(([term, spans]) => {
    const times = spans.length > 1 ? ` (${spans.length} times)` : '';
    // the entry itself too, so the policy simulator can tell whether a changed list still has it
    return reason(code, `${label} "${terms[term]}": ${quoteRaw(ctx.text.raw, spans[0]!)}${times}`, { spans, term: terms[term]! });
  });
}

/** Rejects comments with a word from the site's banned list and holds those with a suspect word. */
export const bannedWords = defineCheck({
  name: 'bannedWords',
  version: '1',
  codes: ['banned_word', 'suspect_word'],
  run(ctx, reason) {
    const banned = reasonsFor(ctx, ctx.policy.bannedWords, 'banned_word', 'Banned word', reason);
    const suspect = reasonsFor(ctx, ctx.policy.suspectWords, 'suspect_word', 'Suspect word', reason);
    if (banned.length === 0 && suspect.length === 0) return undefined;
    return { status: banned.length > 0 ? 'rejected' : 'held', reasons: [...banned, ...suspect] };
  },
});
