import type { ArticleHold } from '../articles/article-policy.js';
import type { Policy } from '../sites/policy.js';
import type { Attribute, Scores } from '../../protocol/attribute.js';
import type { CheckResult, CheckStatus } from '../../protocol/decision.js';
import { DECISION_REASON_CODES, reasonSource, THRESHOLD_ATTRIBUTES, type ModelVersion, type Reason } from '../../protocol/reason.js';

/** The outcome of the checks for one comment, with everything needed to explain it. */
export interface Decision {
  status: CheckStatus;
  /** Highest score per attribute across checks. */
  scores: Scores;
  /** Reasons of every check in check order, then those of this decision. */
  reasons: Reason[];
  /** The thresholds the scores were compared with. */
  thresholds: Policy['thresholds'];
}

/** The reasons of the decision itself: a threshold reached, or pre-moderation (the site's, the article's, a surge's). */
export const decisionReasons = reasonSource('decideStatus', DECISION_REASON_CODES);
const { reason } = decisionReasons;

const STRICTNESS: Record<CheckStatus, number> = { approved: 0, held: 1, rejected: 2 };
const stricter = (a: CheckStatus, b: CheckStatus) => (STRICTNESS[b] > STRICTNESS[a] ? b : a);
const LABEL = { severe: 'Severe harm', toxicity: 'Toxicity', spam: 'Spam' } as const;
// three decimals, never rounded up to the threshold it is compared with
const fmt = (n: number) => String(Math.floor(n * 1000) / 1000);

/** Highest score per attribute, clamped to 0..1, and who gave it. */
function mergeScores(results: ReadonlyArray<CheckResult | undefined>): { scores: Scores; by: Partial<Record<Attribute, ModelVersion>> } {
  const scores: Scores = {};
  const by: Partial<Record<Attribute, ModelVersion>> = {};
  for (const result of results) {
    for (const [attribute, value] of Object.entries(result?.scores ?? {}) as Array<[Attribute, number | undefined]>) {
      if (value === undefined || !Number.isFinite(value)) continue;
      const clamped = Math.min(1, Math.max(0, value));
      const current = scores[attribute];
      if (current !== undefined && clamped <= current) continue; // a tie stays with the first to reach it
      scores[attribute] = clamped;
      if (result?.scoredBy) by[attribute] = result.scoredBy;
      else delete by[attribute];
    }
  }
  return { scores, by };
}

/**
 * The one place where check results become a status: the strictest status a check demands,
 * then severe harm, toxicity and spam against the site's thresholds (a severe harm at its reject
 * threshold is refused in pre- and post-moderation alike), then pre-moderation — the site's, or
 * the article's (`articleHold`: its own policy or a surge, see core/articles/article-policy.ts).
 * @example decideStatus([{ scores: { toxicity: 0.95 } }], defaultPolicy()).status // 'rejected'
 */
export function decideStatus(results: ReadonlyArray<CheckResult | undefined>, policy: Policy, articleHold?: ArticleHold): Decision {
  const { scores, by } = mergeScores(results);
  const reasons: Reason[] = results.flatMap((r) => r?.reasons ?? []);
  let status: CheckStatus = results.reduce<CheckStatus>((s, r) => stricter(s, r?.status ?? 'approved'), 'approved');

  for (const attribute of THRESHOLD_ATTRIBUTES) {
    const score = scores[attribute];
    const { hold, reject } = policy.thresholds[attribute];
    if (score === undefined) continue;
    const step = score >= reject ? 'reject' : score >= hold ? 'hold' : undefined;
    if (step === undefined) continue;
    const threshold = step === 'reject' ? reject : hold;
    const message = `${LABEL[attribute]} ${fmt(score)} is at or above the ${step} threshold ${fmt(threshold)}`;
    const model = by[attribute];
    reasons.push(reason(`${attribute}_above_${step}`, message, { threshold: { attribute, step, threshold, score }, ...(model ? { model } : {}) }));
    status = stricter(status, step === 'reject' ? 'rejected' : 'held');
  }

  // only when nothing else held it, so the reasons say what actually stopped the comment
  if (status === 'approved' && articleHold) {
    reasons.push(reason(articleHold.code, articleHold.message));
    status = 'held';
  } else if (policy.mode === 'pre' && status === 'approved') {
    reasons.push(reason('pre_moderation', 'The site reviews every comment before publication'));
    status = 'held';
  }
  return { status, scores, reasons, thresholds: policy.thresholds };
}
