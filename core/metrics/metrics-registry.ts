import { collectDefaultMetrics, Registry } from 'prom-client';

let processMetrics: Registry | undefined;

// CPU, memory, event loop lag, GC: collected once per process, however many apps or registries it runs (tests run several)
function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  return processMetrics;
}

/** Content type of a scrape (Prometheus text format 0.0.4). */
export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

/** The Node process metrics followed by the registry's own, in Prometheus text format. */
export function scrapeMetrics(registry: Registry): Promise<string> {
  return Registry.merge([processRegistry(), registry]).metrics();
}
