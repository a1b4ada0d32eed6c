import type { Queue } from 'bullmq';
import type { CoreDeps } from '../../core/deps.js';
import { createComment } from '../../core/comments/comment-store.js';
import { adaptationInfo } from '../../core/learning/site-adaptation-store.js';
import type { LearnJobData } from '../../core/queue/learning-queue.js';
import { createRedis } from '../../core/redis/connection.js';
import { queueLesson } from '../../server/moderation/learning-feedback.js';
import { createLearningWorker } from '../../workers/learning-worker.js';
import { createAdaptationReader } from '../../workers/learning/adaptation-reader.js';
import { adaptedProbability } from '../../workers/learning/adaptation-math.js';
import type { FtrlParams } from '../../workers/learning/ftrl.js';
import { normalizeForMatching } from '../../workers/text/normalize.js';
import { rocAuc } from '../../training/evaluation-metrics.js';
import type { EvalRow } from '../../training/learning-eval/left-out-bases.js';

/** A site of the evaluation: the source its comments come from and what its moderators decide. */
export interface SiteUnderTest {
  name: string;
  source: string;
  labelOf: (row: number) => 0 | 1;
}

export interface Checkpoint {
  lessons: number;
  testRows: number;
  before: number;
  after: number;
  /** Mean |adapted − shipped| on the measured rows: how far the site's scores moved. */
  meanShift: number;
}

const waitFor = async (ok: () => Promise<boolean>, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error('the learning worker did not take the lessons in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

/**
 * Feeds a site's decisions through the production path — each comment stored, its decision
 * queued by `queueLesson` as the moderation service queues it, learned by the real BullMQ
 * learning worker — and measures the rows after the last checkpoint through the adaptation
 * reader the moderation worker uses. The worker and its connection are closed before returning.
 */
export async function feedDecisions(
  env: { deps: CoreDeps; queue: Queue<LearnJobData>; redisUrl: string | undefined; rows: readonly EvalRow[] },
  site: SiteUnderTest,
  order: readonly number[],
  base: (row: number) => number,
  checkpoints: readonly number[],
  params: FtrlParams,
): Promise<Checkpoint[]> {
  const { deps, rows } = env;
  const siteId = deps.newId();
  const baseOfBody = new Map(order.map((r) => [rows[r]!.text, base(r)]));
  const connection = createRedis(env.redisUrl ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null, commandTimeout: undefined });
  const worker = createLearningWorker(deps, connection, {
    params,
    baseScore: (text) => {
      const p = baseOfBody.get(text.raw);
      if (p === undefined) throw new Error('a lesson whose text the evaluation does not know');
      return p;
    },
  });
  const server = { learningQueue: env.queue, log: deps.log };
  try {
    await worker.waitUntilReady();
    const last = Math.max(...checkpoints);
    const test = order.slice(last);
    const y = test.map(site.labelOf);
    const before = test.map(base);
    const out: Checkpoint[] = [];
    let fed = 0;
    for (const target of checkpoints) {
      for (; fed < target; fed++) {
        const r = order[fed]!;
        const label = site.labelOf(r);
        const { comment } = await createComment(deps, { siteId, articleId: 'learning-eval', parentId: null, author: { id: 'reader', name: 'Reader' }, body: rows[r]!.text });
        const decided = label === 1 ? { ...comment, status: 'rejected' as const, moderatorReason: { code: 'abuse' as const } } : { ...comment, status: 'approved' as const };
        queueLesson(server, decided, label === 1 ? 'reject' : 'approve');
      }
      await waitFor(async () => (await adaptationInfo(deps, siteId)).attributes.toxicity.updates >= target, 120_000);
      // a fresh reader, as a worker sees the site once its two-second gate has passed
      const readAdaptation = createAdaptationReader(deps);
      const after: number[] = [];
      for (const r of test) {
        const text = normalizeForMatching(rows[r]!.text);
        const learned = await readAdaptation(siteId, text);
        after.push(learned?.toxicity ? adaptedProbability(base(r), learned.toxicity, learned.features.values, params) : base(r));
      }
      const meanShift = after.reduce((s, p, i) => s + Math.abs(p - before[i]!), 0) / test.length;
      out.push({ lessons: target, testRows: test.length, before: rocAuc(before, y), after: rocAuc(after, y), meanShift });
    }
    return out;
  } finally {
    await worker.close();
    connection.disconnect();
  }
}
