import type { Queue } from 'bullmq';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CommentStatus } from '../../protocol/comment-status.js';
import type { Logger } from '../../core/logger.js';
import { createDecidedCounter } from '../../core/metrics/decided-counter.js';
import { scrapeMetrics } from '../../core/metrics/metrics-registry.js';
import { registerQueueCounts } from './queue-counts-gauge.js';

/** What a server instance measures; one per instance, held in ServerDeps, scraped at /metrics. */
export interface ServerMetrics {
  /** One finished HTTP request; `route` is the Express route pattern, never the raw URL. */
  observeRequest(labels: { method: string; route: string; status: number }, seconds: number): void;
  /** A live event reaches this server's sockets: lag from its stream id's timestamp to now. */
  observeRelayLag(eventId: string): void;
  /** A moderator's decision (approve, reject). */
  countHumanDecision(status: CommentStatus): void;
  /** An automatic decision made on the server: a banned author's comment, a comment hidden by reports. */
  countAutoDecision(status: CommentStatus): void;
  /** One write through the write gate, by outcome (allowed, rate limited, challenge required, …). */
  countWriteGate(outcome: string): void;
  /** Where the connected-sockets gauge reads, namespace → count (set when Socket.IO starts). */
  countSocketsWith(read: () => Record<string, number>): void;
  /** The Prometheus text of the process and this instance. */
  scrape(): Promise<string>;
}

/** Event relay lag buckets: a healthy relay emits within milliseconds, a blocked one within RELAY_BLOCK_MS. */
const LAG_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

// the ms part of a stream id (`ms-seq`) is when Redis appended the event
const streamIdMs = (id: string): number => Number(id.slice(0, id.indexOf('-')));

/** Builds the metrics of one server instance. */
export function createServerMetrics(deps: { queues: readonly Queue[]; log: Logger; now: () => number }): ServerMetrics {
  const registry = new Registry();
  const http = new Histogram({
    name: 'palabre_http_request_duration_seconds',
    help: 'HTTP request duration by method, Express route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const relayLag = new Histogram({
    name: 'palabre_event_relay_lag_seconds',
    help: 'Time from an event being appended to its stream to this server emitting it to sockets.',
    buckets: LAG_BUCKETS,
    registers: [registry],
  });
  let readSockets: () => Record<string, number> = () => ({});
  new Gauge({
    name: 'palabre_sockets_connected',
    help: 'Socket.IO connections open on this server, by namespace.',
    labelNames: ['namespace'] as const,
    registers: [registry],
    collect() {
      for (const [namespace, n] of Object.entries(readSockets())) this.set({ namespace }, n);
    },
  });
  const countDecided = createDecidedCounter(registry);
  registerQueueCounts(registry, deps);
  const gate = new Counter({
    name: 'palabre_write_gate_total',
    help: 'Writes through the write gate by outcome: allowed, allowed_with_solution, reader_limited, address_limited, challenge_required, challenge_replayed, challenge_malformed, challenge_other_site, challenge_wrong, challenge_expired.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  return {
    observeRequest: ({ method, route, status }, seconds) => http.observe({ method, route, status: String(status) }, seconds),
    observeRelayLag(eventId) {
      const appended = streamIdMs(eventId);
      // clocks of Redis and this host may differ a little: never a negative lag
      if (Number.isFinite(appended)) relayLag.observe(Math.max(0, deps.now() - appended) / 1000);
    },
    countHumanDecision: (status) => countDecided(status, 'moderator'),
    countAutoDecision: (status) => countDecided(status, 'auto'),
    countWriteGate: (outcome) => gate.inc({ outcome }),
    countSocketsWith(read) {
      readSockets = read;
    },
    scrape: () => scrapeMetrics(registry),
  };
}
