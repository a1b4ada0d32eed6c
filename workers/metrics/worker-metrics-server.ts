import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../../core/config.js';
import { errors } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { metricsAccess } from '../../core/metrics/metrics-access.js';
import { METRICS_CONTENT_TYPE, scrapeMetrics } from '../../core/metrics/metrics-registry.js';
import { workerRegistry } from './worker-metrics.js';

export interface WorkerMetricsServer {
  port: number;
  close(): Promise<void>;
}

const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
};

/**
 * The worker process's only HTTP surface: `GET /metrics` (bearer METRICS_TOKEN or admin token)
 * and `GET /healthz` (200 while the workers run, 503 once they stop). Undefined when
 * WORKER_METRICS_PORT is 0, or when the port is taken: a worker without metrics still moderates.
 */
export async function startWorkerMetricsServer(
  config: Pick<Config, 'WORKER_METRICS_PORT' | 'HOST' | 'METRICS_TOKEN' | 'ADMIN_TOKEN'>,
  opts: { log: Logger; running: () => boolean },
): Promise<WorkerMetricsServer | undefined> {
  if (config.WORKER_METRICS_PORT === 0) return undefined;
  const mayScrape = metricsAccess(config);
  const http: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') {
      if (opts.running()) sendJson(res, 200, { status: 'ok' });
      else sendJson(res, 503, errors.workersStopped().toJSON());
    } else if (req.method === 'GET' && path === '/metrics') {
      if (!mayScrape(req.headers.authorization)) {
        sendJson(res, 401, errors.unauthorized('Send Authorization: Bearer <METRICS_TOKEN or ADMIN_TOKEN>.').toJSON());
        return;
      }
      scrapeMetrics(workerRegistry).then(
        (text) => res.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE }).end(text),
        (err: unknown) => {
          opts.log.error({ err }, 'metrics scrape failed');
          sendJson(res, 500, errors.internal(err).toJSON());
        },
      );
    } else {
      sendJson(res, 404, errors.routeNotFound().toJSON());
    }
  });
  http.headersTimeout = 10_000;
  http.requestTimeout = 10_000;
  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.WORKER_METRICS_PORT, config.HOST, () => resolve());
    });
  } catch (err) {
    opts.log.error({ err: (err as Error).message, port: config.WORKER_METRICS_PORT }, 'worker metrics listener failed; running without it');
    return undefined;
  }
  return {
    port: (http.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}
