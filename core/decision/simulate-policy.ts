import { effectivePolicy } from '../articles/article-policy.js';
import { getComments } from '../comments/comment-store.js';
import type { CoreDeps } from '../deps.js';
import type { Policy } from '../sites/policy.js';
import type { CheckStatus } from '../../protocol/decision.js';
import type { Reason } from '../../protocol/reason.js';
import { automaticStatusOf, isReplayable, replayDecision, storedArticleHold } from './replay-decision.js';

/** A comment the proposed policy would have decided otherwise. */
export interface SimulatedMove {
  commentId: string;
  articleId: string;
  authorName: string;
  body: string;
  createdAt: string;
  /** What the checks decided. */
  from: CheckStatus;
  /** What they would decide under the proposed policy. */
  to: CheckStatus;
  /** The reasons of that decision. */
  reasons: Reason[];
}

export interface PolicySimulation {
  /** Latest automatic decisions read. */
  considered: number;
  /** Of those, replayed (the others were erased, imported or decided before traces were kept). */
  replayed: number;
  /** Every from → to pair with its count, unchanged ones included. */
  transitions: Array<{ from: CheckStatus; to: CheckStatus; count: number }>;
  moved: number;
  /** The comments that move, newest first (at most MAX_LISTED). */
  comments: SimulatedMove[];
  /**
   * Policy fields changed in ways a replay cannot fully judge: the checks find new words,
   * domains, groups or rhythms only in text they read again, which the simulator does not.
   */
  partlySimulated: string[];
}

export const MAX_SIMULATED = 5000;
const MAX_LISTED = 500;
const BATCH = 500;
const STATUSES: readonly CheckStatus[] = ['approved', 'held', 'rejected'];

/**
 * Re-runs the one decision over the site's last `limit` automatically decided comments under
 * `proposed`, from their stored scores and findings (no rescoring), and says what would move.
 * Each comment is decided with the proposed policy under its article's own override, as the
 * workers would; a surge that held it still holds it.
 */
export async function simulatePolicy(
  deps: CoreDeps,
  siteId: string,
  policies: { current: Policy; proposed: Policy },
  limit: number,
): Promise<PolicySimulation> {
  const ids = [...new Set(await deps.redis.lrange(deps.keys.recentDecisions(siteId), 0, Math.min(limit, MAX_SIMULATED) - 1))];
  const counts = new Map<string, number>();
  const moves: SimulatedMove[] = [];
  let replayed = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const comments = (await getComments(deps, siteId, ids.slice(i, i + BATCH))).filter((c) => isReplayable(c) && c.body !== '');
    const overrides = await articleOverrides(deps, siteId, comments.map((c) => c.articleId));
    for (const c of comments) {
      const from = automaticStatusOf(c, policies.current);
      const effective = effectivePolicy(policies.proposed, overrides.get(c.articleId) ?? {}, deps.now());
      const decision = replayDecision(c, effective.policy, effective.hold ?? storedArticleHold(c, 'surge_pre_moderation'));
      replayed++;
      counts.set(`${from}>${decision.status}`, (counts.get(`${from}>${decision.status}`) ?? 0) + 1);
      if (decision.status === from) continue;
      moves.push({
        commentId: c.id,
        articleId: c.articleId,
        authorName: c.author.name,
        body: c.body,
        createdAt: c.createdAt,
        from,
        to: decision.status,
        reasons: decision.reasons,
      });
    }
  }
  const transitions = STATUSES.flatMap((from) => STATUSES.map((to) => ({ from, to, count: counts.get(`${from}>${to}`) ?? 0 }))).filter((t) => t.count > 0);
  return {
    considered: ids.length,
    replayed,
    transitions,
    moved: moves.length,
    comments: moves.slice(0, MAX_LISTED),
    partlySimulated: partlySimulated(policies.current, policies.proposed),
  };
}

/** Each article's policy override as stored (surges left out: a replay keeps the surge the decision recorded). */
async function articleOverrides(deps: CoreDeps, siteId: string, articleIds: string[]): Promise<Map<string, Record<string, string>>> {
  const unique = [...new Set(articleIds)];
  const pipe = deps.redis.pipeline();
  for (const id of unique) pipe.hget(deps.keys.article(siteId, id), 'policy');
  const rows = (await pipe.exec()) ?? [];
  return new Map(
    unique.map((id, i): [string, Record<string, string>] => {
      const policy = rows[i]?.[1] as string | null | undefined;
      return [id, policy ? { policy } : {}];
    }),
  );
}

const added = (before: readonly string[], after: readonly string[]) => after.some((x) => !before.includes(x));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The policy changes whose effect on comments the checks have not flagged cannot be seen in their stored findings. */
export function partlySimulated(current: Policy, proposed: Policy): string[] {
  const out: string[] = [];
  if (added(current.bannedWords, proposed.bannedWords)) out.push('bannedWords');
  if (added(current.suspectWords, proposed.suspectWords)) out.push('suspectWords');
  if (added(current.blockedDomains, proposed.blockedDomains)) out.push('blockedDomains');
  if (!same(current.groupTerms, proposed.groupTerms)) out.push('groupTerms');
  if (proposed.maxLinks < current.maxLinks) out.push('maxLinks');
  if (proposed.holdLinks && !current.holdLinks) out.push('holdLinks');
  if (proposed.holdFirstComments && !current.holdFirstComments) out.push('holdFirstComments');
  if (!same(current.velocity, proposed.velocity)) out.push('velocity');
  if (proposed.flood.textCampaignAuthors !== current.flood.textCampaignAuthors) out.push('flood.textCampaignAuthors');
  if (!same(current.providers, proposed.providers)) out.push('providers');
  return out;
}
