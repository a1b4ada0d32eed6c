import { Router } from 'express';
import type { ExtraPath } from '../openapi/openapi-document.js';
import type { ServerDeps } from '../server-deps.js';

/** /healthz: the process is up. /readyz: Redis answers, so the instance can take traffic. */
export function healthRouter(deps: ServerDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await deps.redis.ping();
      res.json({ status: 'ready' });
    } catch {
      res.setHeader('Retry-After', '1');
      res.status(503).json({ error: { code: 'storage_unavailable', message: 'Redis does not answer.' } });
    }
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
    summary: 'Readiness: Redis answers.',
    responses: { 200: { description: 'Ready.' }, 503: { description: 'Redis unreachable.' } },
  },
];
