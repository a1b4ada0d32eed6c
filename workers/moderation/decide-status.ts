import type { Policy } from '../../core/sites/policy.js';
import type { Attribute, CheckResult, CheckStatus, Reason, Scores } from '../checks/types.js';

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

const STRICTNESS: Record<CheckStatus, number> = { approved: 0, held: 1, rejected: 2 };
const stricter = (a: CheckStatus, b: CheckStatus) => (STRICTNESS[b] > STRICTNESS[a] ? b : a);
const THRESHOLDED = [
  ['severe', 'Severe harm'],
  ['toxicity', 'Toxicity'],
  ['spam', 'Spam'],
] as const satisfies ReadonlyArray<readonly [Attribute & keyof Policy['thresholds'], string]>;

const decisionReason = (code: string, message: string): Reason => ({ check: 'decideStatus', code, message, spans: [] });
// three decimals, never rounded up to the threshold it is compared with
const fmt = (n: number) => String(Math.floor(n * 1000) / 1000);

function mergeScores(results: ReadonlyArray<CheckResult | undefined>): Scores {
  const scores: Scores = {};
  for (const result of results) {
    for (const [attribute, value] of Object.entries(result?.scores ?? {}) as Array<[Attribute, number | undefined]>) {
      if (value === undefined || !Number.isFinite(value)) continue;
      const clamped = Math.min(1, Math.max(0, value));
      scores[attribute] = Math.max(scores[attribute] ?? 0, clamped);
    }
  }
  return scores;
}

/**
 * The one place where check results become a status: the strictest status a check demands,
 * then severe harm, toxicity and spam against the site's thresholds (a severe harm at its
 * reject threshold is refused in pre- and post-moderation alike), then pre-moderation — the site's, or
 * the article's (`articleHold`: its own policy or a surge, see core/articles/article-policy.ts).
 * @example decideStatus([{ scores: { toxicity: 0.95 } }], defaultPolicy()).status // 'rejected'
 */
export function decideStatus(
  results: ReadonlyArray<CheckResult | undefined>,
  policy: Policy,
  articleHold?: { code: string; message: string },
): Decision {
  const scores = mergeScores(results);
  const reasons = results.flatMap((r) => r?.reasons ?? []);
  let status: CheckStatus = results.reduce<CheckStatus>((s, r) => stricter(s, r?.status ?? 'approved'), 'approved');

  for (const [attribute, label] of THRESHOLDED) {
    const score = scores[attribute];
    const { hold, reject } = policy.thresholds[attribute];
    if (score === undefined) continue;
    const step = score >= reject ? 'reject' : score >= hold ? 'hold' : undefined;
    if (step === undefined) continue;
    const limit = step === 'reject' ? reject : hold;
    const message = `${label} ${fmt(score)} is at or above the ${step} threshold ${fmt(limit)}`;
    reasons.push(decisionReason(`${attribute}_above_${step}`, message));
    status = stricter(status, step === 'reject' ? 'rejected' : 'held');
  }

  // only when nothing else held it, so the reasons say what actually stopped the comment
  if (status === 'approved' && articleHold) {
    reasons.push(decisionReason(articleHold.code, articleHold.message));
    status = 'held';
  } else if (policy.mode === 'pre' && status === 'approved') {
    reasons.push(decisionReason('pre_moderation', 'The site reviews every comment before publication'));
    status = 'held';
  }
  return { status, scores, reasons, thresholds: policy.thresholds };
}
