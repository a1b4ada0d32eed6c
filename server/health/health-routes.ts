import { Router } from 'express';
import { errors } from '../../core/errors.js';
import type { ExtraPath } from '../openapi/openapi-document.js';
import type { ServerDeps } from '../server-deps.js';
import { stuckModerationQueue, type StuckQueue } from './moderation-queue-health.js';

/**
 * /healthz: the process is up. /readyz: Redis answers and the moderation queue is not stuck
 * (comments waiting past READY_MAX_QUEUE_AGE_MS with no worker connected).
 * `/readyz?only=storage` skips the queue: a load balancer should use it, because a stuck queue
 * is the same on every server and taking them all out would refuse comments Redis can still keep.
 */
export function healthRouter(deps: ServerDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    let stuck: StuckQueue | undefined;
    try {
      await deps.redis.ping();
      if (req.query.only !== 'storage') stuck = await stuckModerationQueue(deps);
    } catch {
      res.setHeader('Retry-After', '1');
      res.status(503).json(errors.storageUnavailable('Redis does not answer.').toJSON());
      return;
    }
    if (stuck) {
      const seconds = Math.round(stuck.oldestWaitMs / 1000);
      const message = `${stuck.waiting} comment(s) wait for moderation, the oldest for ${seconds} s, and no worker is connected.`;
      res.status(503).json(errors.moderationQueueStuck(message, stuck).toJSON());
      return;
    }
    res.json({ status: 'ready' });
  });
  return router;
}

export const healthPaths: ExtraPath[] = [
  {
    path: '/healthz',
    method: 'get',
    operationId: 'healthz',
    summary: 'Liveness: the process is up.',
    responses: { 200: { description: 'Up.' } },
  },
  {
    path: '/readyz',
    method: 'get',
    operationId: 'readyz',
    summary: 'Readiness: Redis answers and the moderation queue is not stuck.',
    query: { only: '`storage`: check Redis only, not the moderation queue (for load balancers: a stuck queue is the same on every server).' },
    responses: {
      200: { description: 'Ready.' },
      503: { description: '`storage_unavailable` (Redis unreachable) or `moderation_queue_stuck` (comments wait and no worker runs).' },
    },
  },
];
