import { Router } from 'express';
import { errors } from '../../core/errors.js';
import { metricsAccess } from '../../core/metrics/metrics-access.js';
import { METRICS_CONTENT_TYPE } from '../../core/metrics/metrics-registry.js';
import type { ExtraPath } from '../openapi/openapi-document.js';
import type { ServerDeps } from '../server-deps.js';

/** `GET /metrics`: Prometheus text, for a bearer METRICS_TOKEN or the admin token only. */
export function metricsRouter(deps: ServerDeps): Router {
  const mayScrape = metricsAccess(deps.config);
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (!mayScrape(req.get('authorization'))) {
      throw errors.unauthorized('Send Authorization: Bearer <METRICS_TOKEN or ADMIN_TOKEN>.');
    }
    const text = await deps.metrics.scrape();
    res.setHeader('Cache-Control', 'no-store');
    res.type(METRICS_CONTENT_TYPE).send(text);
  });
  return router;
}

export const metricsPaths: ExtraPath[] = [
  {
    path: '/metrics',
    method: 'get',
    operationId: 'metrics',
    summary: 'Prometheus metrics (text format); `Authorization: Bearer <METRICS_TOKEN or ADMIN_TOKEN>`.',
    responses: { 200: { description: 'The metrics.' }, 401: { description: 'Missing or wrong token.' } },
  },
];
