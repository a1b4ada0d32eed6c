import { readComments } from '../../core/comments/comment-store.js';
import type { StatsBatch } from '../../core/stats/stats-batch.js';
import type { Comment } from '../../protocol/comment.js';
import { batchStatsOf, decideAutomatically } from './decide-automatically.js';
import type { DecisionDeps, DecisionOutcome } from './decision-deps.js';
import { gatherFactsOfBatch } from './gather-facts.js';
import { afterDecision, commentText, factsRequest, judgeComment, type Verdict } from './judge-comment.js';
import { writeAutoDecisions } from './write-auto-decision.js';

type Settled = PromiseSettledResult<DecisionOutcome>;
const done = (value: DecisionOutcome): Settled => ({ status: 'fulfilled', value });
const failed = (reason: unknown): Settled => ({ status: 'rejected', reason });

/**
 * The automatic decisions of a batch of one site's comments, with the batch's Redis work in
 * pipelines: one read of every comment, one of every comment's facts, one write of every
 * decision (each its own version-guarded transition script), instead of a round trip of each
 * per comment. The checks run per comment as in `decideAutomatically`, and each comment succeeds
 * or fails on its own: the result is one settled outcome per id, in order. A comment no longer
 * pending is left alone; one whose write meets a concurrent change (a moderator, another job)
 * goes through `decideAutomatically`, which reads it again.
 */
export async function decideBatch(deps: DecisionDeps, siteId: string, ids: readonly string[], stats: StatsBatch): Promise<Settled[]> {
  const outcomes: Settled[] = [];
  const pending: Array<{ i: number; comment: Comment }> = [];
  (await readComments(deps, siteId, ids)).forEach((c, i) => {
    if (c instanceof Error) outcomes[i] = failed(c);
    else if (!c) outcomes[i] = done('missing');
    else if (c.status !== 'pending') outcomes[i] = done('already_decided');
    else pending.push({ i, comment: c });
  });
  if (pending.length === 0) return outcomes;
  const site = await deps.siteOf(siteId);
  if (!site) {
    for (const { i } of pending) outcomes[i] = done('missing');
    return outcomes;
  }

  const texts = pending.map(({ comment }) => commentText(comment));
  const [facts, adaptations] = await Promise.all([
    gatherFactsOfBatch(deps, pending.map(({ comment }, k) => factsRequest(comment, texts[k]!, site))),
    // per comment, so that one unreadable adaptation fails its comment only
    Promise.allSettled(texts.map((t) => deps.adaptationOf?.(siteId, t.text))),
  ]);
  const verdicts = await Promise.allSettled(
    pending.map(async ({ comment }, k) => {
      const adaptation = adaptations[k]!;
      if (adaptation.status === 'rejected') throw adaptation.reason;
      return judgeComment(deps, { comment, site, text: texts[k]!, facts: facts[k]!, adaptation: adaptation.value });
    }),
  );

  const toWrite: Array<{ i: number; verdict: Verdict & { kind: 'write' } }> = [];
  verdicts.forEach((v, k) => {
    const { i } = pending[k]!;
    if (v.status === 'rejected') outcomes[i] = failed(v.reason);
    else if (v.value.kind === 'deferred') outcomes[i] = done('deferred');
    else toWrite.push({ i, verdict: v.value });
  });
  const written = await writeAutoDecisions(
    deps,
    toWrite.map(({ verdict }) => ({ ...verdict.auto, ...batchStatsOf(stats, verdict.article) })),
  ).catch((err: unknown) => toWrite.map(() => (err instanceof Error ? err : new Error(String(err)))));

  const settled = await Promise.allSettled(
    toWrite.map(async ({ verdict }, k): Promise<DecisionOutcome> => {
      const outcome = written[k]!;
      if (outcome instanceof Error) throw outcome;
      if (outcome.ok) {
        await afterDecision(deps, verdict, outcome.comment);
        return 'decided';
      }
      if (outcome.reason === 'missing') return 'missing';
      // changed since it was read: this comment alone takes the one-by-one path, which reads it again
      return decideAutomatically(deps, { siteId, commentId: verdict.auto.comment.id }, undefined, stats);
    }),
  );
  settled.forEach((s, k) => (outcomes[toWrite[k]!.i] = s));
  return outcomes;
}
