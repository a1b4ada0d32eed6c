import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import { metricsAccess } from '../../core/metrics/metrics-access.js';

const ADMIN_TOKEN = 'adm_unit_token_0123456789';
const METRICS_TOKEN = 'metrics_unit_token_0123456789';

describe('who may scrape /metrics', () => {
  it('accepts only the admin token when METRICS_TOKEN is unset', () => {
    const may = metricsAccess(loadConfig({ ADMIN_TOKEN }));
    expect(may(`Bearer ${ADMIN_TOKEN}`)).toBe(true);
    expect(may(`bearer ${ADMIN_TOKEN}`)).toBe(true);
    expect(may(`Bearer ${METRICS_TOKEN}`)).toBe(false);
  });

  it('accepts METRICS_TOKEN and the admin token when METRICS_TOKEN is set', () => {
    const may = metricsAccess(loadConfig({ ADMIN_TOKEN, METRICS_TOKEN }));
    expect(may(`Bearer ${METRICS_TOKEN}`)).toBe(true);
    expect(may(`Bearer ${ADMIN_TOKEN}`)).toBe(true);
  });

  it('refuses no header, another scheme, a prefix of the token and an empty bearer', () => {
    const may = metricsAccess(loadConfig({ ADMIN_TOKEN, METRICS_TOKEN }));
    for (const header of [undefined, '', METRICS_TOKEN, `Basic ${METRICS_TOKEN}`, `Bearer ${METRICS_TOKEN.slice(0, -1)}`, 'Bearer ']) {
      expect(may(header), String(header)).toBe(false);
    }
  });
});

describe('observability configuration', () => {
  it('defaults the worker metrics port to 9465 and the ready queue age to 60 s', () => {
    const c = loadConfig({});
    expect(c.WORKER_METRICS_PORT).toBe(9465);
    expect(c.READY_MAX_QUEUE_AGE_MS).toBe(60_000);
    expect(c.METRICS_TOKEN).toBeUndefined();
  });

  it('names a bad METRICS_TOKEN, WORKER_METRICS_PORT or READY_MAX_QUEUE_AGE_MS at boot', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ WORKER_METRICS_PORT: '70000' })).toThrow(/WORKER_METRICS_PORT/);
    expect(() => loadConfig({ READY_MAX_QUEUE_AGE_MS: '0' })).toThrow(/READY_MAX_QUEUE_AGE_MS/);
  });
});
