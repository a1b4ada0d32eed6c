import type { Queue } from 'bullmq';
import { Gauge, type Registry } from 'prom-client';
import type { Logger } from '../../core/logger.js';

/** BullMQ states worth a gauge; completed jobs are removed, so their count says nothing. */
const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
/** Several Prometheus replicas scraping every few seconds cost one count per this window. */
export const QUEUE_COUNTS_CACHE_MS = 2000;

/**
 * `palabre_queue_jobs{queue, state}`, read from Redis on scrape and kept QUEUE_COUNTS_CACHE_MS.
 * When Redis does not answer the series disappear instead of showing stale counts.
 */
export function registerQueueCounts(
  registry: Registry,
  deps: { queues: readonly Queue[]; log: Logger; now: () => number },
): void {
  let cached: { at: number; counts: Array<{ queue: string; state: string; value: number }> } | undefined;
  // the shards of the moderation queue share its name: their counts add up under queue="moderation"
  const read = async () => {
    const perQueue = await Promise.all(deps.queues.map(async (q) => ({ queue: q.name, counts: await q.getJobCounts(...STATES) })));
    const totals = new Map<string, { queue: string; state: string; value: number }>();
    for (const { queue, counts } of perQueue) {
      for (const state of STATES) {
        const entry = totals.get(`${queue}/${state}`) ?? { queue, state, value: 0 };
        entry.value += counts[state] ?? 0;
        totals.set(`${queue}/${state}`, entry);
      }
    }
    return [...totals.values()];
  };
  new Gauge({
    name: 'palabre_queue_jobs',
    help: 'Jobs in each BullMQ queue (moderation, providers, learning) by state (waiting, active, delayed, failed).',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      try {
        if (!cached || deps.now() - cached.at >= QUEUE_COUNTS_CACHE_MS) cached = { at: deps.now(), counts: await read() };
        this.reset();
        for (const { queue, state, value } of cached.counts) this.set({ queue, state }, value);
      } catch (err) {
        cached = undefined;
        this.reset();
        deps.log.warn({ err: (err as Error).message }, 'queue counts for /metrics failed');
      }
    },
  });
}
