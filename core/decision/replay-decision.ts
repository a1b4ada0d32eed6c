import type { ArticleHold } from '../articles/article-policy.js';
import type { Policy } from '../sites/policy.js';
import type { Comment } from '../../protocol/comment.js';
import type { CheckResult, CheckStatus } from '../../protocol/decision.js';
import type { Reason, ReasonCode } from '../../protocol/reason.js';
import { decideStatus, type Decision } from './decide-status.js';

type Demand = (r: Reason, policy: Policy, c: Comment) => CheckStatus | undefined;

const has = (list: readonly string[], term: string | undefined) => term !== undefined && list.includes(term);
const human = (c: Comment, p: Policy) => c.arrival?.composeMs !== undefined && c.arrival.composeMs >= p.flood.minComposeMs;

/**
 * The status each stored finding demands under a policy: what the check that found it would
 * say again, from what it kept (the list entry, the links it counted, the arrival signals).
 * A finding the checks make under any policy keeps its status; one a policy switch decides
 * (`holdLinks`, `holdFirstComments`, `maxLinks`, the word lists) follows the policy given.
 * Codes absent here demand nothing: scores do their work through the thresholds.
 */
const DEMANDS: Partial<Record<ReasonCode, Demand>> = {
  too_short: () => 'held',
  author_banned: () => 'rejected',
  author_premoderated: () => 'held',
  // an entry no longer on the list is no finding; one moved to the other list takes its status
  banned_word: (r, p) => (r.term === undefined || has(p.bannedWords, r.term) ? 'rejected' : has(p.suspectWords, r.term) ? 'held' : undefined),
  suspect_word: (r, p) => (has(p.bannedWords, r.term) ? 'rejected' : r.term === undefined || has(p.suspectWords, r.term) ? 'held' : undefined),
  blocked_domain: () => 'rejected',
  url_shortener: () => 'held',
  too_many_links: (r, p) => (r.spans.length > p.maxLinks ? 'held' : undefined),
  contains_link: (_r, p) => (p.holdLinks ? 'held' : undefined),
  duplicate_author: () => 'held',
  duplicate_site: () => 'held',
  text_campaign: () => 'held',
  velocity: () => 'held',
  device_flood: (_r, p, c) => (c.arrival?.newReader && !c.arrival.established && !human(c, p) ? 'held' : undefined),
  inhuman_rhythm: (_r, p, c) =>
    c.arrival?.composeMs !== undefined && c.arrival.composeMs < p.flood.minComposeMs && !c.arrival.established ? 'held' : undefined,
  first_comment: (_r, p) => (p.holdFirstComments ? 'held' : undefined),
  check_failed: () => 'held',
};

/** The hold an article put on the comment (its own pre-moderation, or a surge: `only`), as the decision recorded it. */
export function storedArticleHold(c: Comment, only?: ArticleHold['code']): ArticleHold | undefined {
  const r = (c.reasons ?? []).find((x) => (only ? x.code === only : x.code === 'article_pre_moderation' || x.code === 'surge_pre_moderation'));
  return r ? { code: r.code as ArticleHold['code'], message: r.message } : undefined;
}

/**
 * The check results a stored decision was made of, rebuilt from its scores and reasons (no
 * rescoring): the scores as one result, then each finding with the status it demands under
 * `policy`. The decision's own reasons (thresholds, pre-moderation) are left out: deciding
 * again gives them anew.
 */
export function storedResults(c: Comment, policy: Policy): CheckResult[] {
  const findings = (c.reasons ?? []).filter((r) => r.check !== 'decideStatus');
  return [
    { scores: c.scores ?? {} },
    ...findings.map((r): CheckResult => {
      const status = DEMANDS[r.code]?.(r, policy, c);
      return status ? { reasons: [r], status } : { reasons: [r] };
    }),
  ];
}

/**
 * The decision the one decision function (`decideStatus`) makes of a decided comment under
 * another policy, from what it stored: the policy simulator's replay. `hold`: the article's
 * pre-moderation or surge that applies (by default the one the decision recorded).
 * @example replayDecision(comment, { ...policy, mode: 'pre' }).status // 'held'
 */
export function replayDecision(c: Comment, policy: Policy, hold: ArticleHold | undefined = storedArticleHold(c)): Decision {
  return decideStatus(storedResults(c, policy), policy, hold);
}

/** Whether a comment carries what a replay needs: an automatic decision's trace. */
export const isReplayable = (c: Comment): boolean => c.decision !== undefined && c.imported === undefined;

/**
 * What the checks decided of a comment, even after a moderator's decision: kept since it was
 * (`autoStatus`), else replayed under the thresholds and mode its trace recorded.
 */
export function automaticStatusOf(c: Comment, sitePolicy: Policy): CheckStatus {
  if (c.autoStatus) return c.autoStatus;
  if (c.decidedBy === 'auto' && c.status !== 'pending') return c.status;
  const trace = c.decision!;
  const thresholds = { ...sitePolicy.thresholds, ...trace.thresholds } as Policy['thresholds'];
  return replayDecision(c, { ...sitePolicy, mode: trace.mode, thresholds }).status;
}
