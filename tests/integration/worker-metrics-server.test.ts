import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import { createLogger } from '../../core/logger.js';
import { startWorkerMetricsServer, type WorkerMetricsServer } from '../../workers/metrics/worker-metrics-server.js';
import { freePort } from '../support/private-redis.js';
import { api } from '../support/test-server.js';

const log = createLogger('silent', 'test');
const started: WorkerMetricsServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

const configOn = (port: number) => loadConfig({ WORKER_METRICS_PORT: String(port), HOST: '127.0.0.1', ADMIN_TOKEN: 'adm_unit_token_0123456789' });
async function listen(port: number, running = () => true) {
  const s = await startWorkerMetricsServer(configOn(port), { log, running });
  if (s) started.push(s);
  return s;
}

describe('the worker metrics listener', () => {
  it('is off when WORKER_METRICS_PORT is 0', async () => {
    expect(await listen(0)).toBeUndefined();
  });

  it('answers /healthz 200 while the workers run and 503 workers_stopped once they stop', async () => {
    let running = true;
    const s = (await listen(await freePort(), () => running))!;
    const url = `http://127.0.0.1:${s.port}`;
    expect((await api(url, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
    running = false;
    const stopped = await api(url, 'GET', '/healthz');
    expect(stopped.status).toBe(503);
    expect(stopped.body.error.code).toBe('workers_stopped');
  });

  it('answers anything else with 404 not_found', async () => {
    const s = (await listen(await freePort()))!;
    const res = await api(`http://127.0.0.1:${s.port}`, 'GET', '/api/v1/sites');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('lets the worker run without metrics when the port is taken', async () => {
    const port = await freePort();
    expect(await listen(port)).toBeDefined();
    expect(await listen(port)).toBeUndefined();
  });
});
