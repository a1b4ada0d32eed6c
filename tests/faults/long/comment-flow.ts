import { getComments } from '../../../core/comments/comment-store.js';
import { newId } from '../../../core/ids.js';
import { createLogger } from '../../../core/logger.js';
import { redisKeys } from '../../../core/redis/keys.js';
import { waitUntil } from '../../support/in-process-worker.js';
import type { PalabreStack } from '../../support/palabre-stack.js';
import { postComment, type TestSite } from '../../support/fixtures.js';

/** One POST of the flow: when it was sent, how long the answer took, and what it was. */
export interface PostResult {
  sentAt: number;
  ms: number;
  /** 0 when no answer came within HUNG_MS. */
  status: number;
  code?: string;
  retryAfter: string | null;
  commentId?: string;
}

/** An answer slower than this counts as a hang. */
const HUNG_MS = 5000;

/**
 * Readers posting at a steady rate, whatever the answers: a request leaves every `everyMs`
 * without waiting for the previous one, as real traffic does while Redis is in trouble.
 */
export function startCommentFlow(stack: PalabreStack, site: TestSite, articleId: string, everyMs = 40) {
  const results: PostResult[] = [];
  const inFlight = new Set<Promise<void>>();
  let n = 0;
  const postOne = async () => {
    const i = n++;
    const sentAt = Date.now();
    const answer = postComment(stack, site, articleId, { body: `Réaction ${i} pendant l'incident.`, author: { name: `Lecteur ${i % 9}` } }, {
      'x-device-id': `device-flow-${String(i).padStart(5, '0')}`,
    });
    const hung = new Promise<null>((r) => setTimeout(() => r(null), HUNG_MS));
    const res = await Promise.race([answer.catch(() => null), hung]);
    results.push({
      sentAt,
      ms: Date.now() - sentAt,
      status: res?.status ?? 0,
      code: res?.body?.error?.code,
      retryAfter: res?.headers.get('retry-after') ?? null,
      commentId: res?.status === 202 ? res.body.comment.id : undefined,
    });
  };
  const timer = setInterval(() => {
    const p = postOne().finally(() => inFlight.delete(p));
    inFlight.add(p);
  }, everyMs);
  return {
    results,
    /** Stops sending and waits for every answer (or its hang timeout). */
    async stop(): Promise<PostResult[]> {
      clearInterval(timer);
      await Promise.all(inFlight);
      return results;
    },
  };
}

export const acceptedIds = (results: PostResult[]): string[] =>
  results.filter((r) => r.status === 202).map((r) => r.commentId!);

/** Reads, from Redis itself, which comments of the article are stored and which are decided. */
export function commentLedger(stack: PalabreStack, siteId: string, articleId: string) {
  const deps = { redis: stack.redis, keys: redisKeys(stack.prefix), log: createLogger('silent', 'test'), now: Date.now, newId };
  const read = async () => {
    const stored = await stack.redis.zrangebylex(deps.keys.articleAll(siteId, articleId), '-', '+');
    const comments = await getComments(deps, siteId, stored);
    return { stored, decided: comments.filter((c) => c.status !== 'pending').map((c) => c.id) };
  };
  return {
    read,
    /** Polls until every stored comment is decided or the time is up; returns the last reading. */
    untilAllDecided: (timeoutMs: number) => waitUntil(read, (l) => l.decided.length === l.stored.length, timeoutMs),
  };
}
