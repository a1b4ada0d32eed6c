/**
 * What DURABILITY=replica costs: the POST → 202 latency of each mode, on a master, a replica and
 * three sentinels on this machine (loopback, so the replica round trip is a fraction of a
 * millisecond; on a network add its round trip to every post of replica mode).
 *
 *   npm run bench:durability -- [--rate 50] [--duration 10]
 *
 * Comments are posted open-loop (a request leaves every 1/rate s whatever the answers), through
 * a real server process with a worker deciding them, after 50 warm-up posts.
 */
import { parseArgs } from 'node:util';
import { createTestSite, postComment } from '../tests/support/fixtures.js';
import { startStack } from '../tests/support/palabre-stack.js';
import { startSentinelGroup } from '../tests/support/private-sentinel.js';
import { fmt, summarize } from './pipeline/latency-stats.js';

const { values } = parseArgs({ options: { rate: { type: 'string', default: '50' }, duration: { type: 'string', default: '10' } } });
const rate = Number(values.rate);
const durationMs = Number(values.duration) * 1000;

async function measure(durability: 'primary' | 'replica') {
  const group = await startSentinelGroup();
  const stack = await startStack({ workers: 1, redisUrl: group.url, env: { DURABILITY: durability, LOG_LEVEL: 'error' } });
  try {
    const site = await createTestSite(stack);
    const post = (i: number) =>
      postComment(stack, site, 'bench', { body: `Commentaire ${i} pour mesurer.`, author: { name: 'Banc' } }, { 'x-device-id': `bench-device-${i}` });
    for (let i = 0; i < 50; i++) await post(-i - 1);
    const samples: number[] = [];
    const statuses = new Map<number, number>();
    const inFlight: Array<Promise<void>> = [];
    const start = performance.now();
    for (let i = 0; performance.now() - start < durationMs; i++) {
      const due = start + (i * 1000) / rate;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      const sent = performance.now();
      inFlight.push(
        post(i).then((res) => {
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 202) samples.push(performance.now() - sent);
        }),
      );
    }
    await Promise.all(inFlight);
    return { summary: summarize(samples), statuses };
  } finally {
    await stack.stop().catch(() => {});
    await group.destroy();
  }
}

console.log(`POST → 202 latency, ${rate} comments/s open-loop for ${durationMs / 1000} s, Sentinel (master + 1 replica) on loopback`);
console.log('| DURABILITY | answers | p50 | p90 | p99 | max |');
console.log('|---|---|---|---|---|---|');
for (const durability of ['primary', 'replica'] as const) {
  const { summary: s, statuses } = await measure(durability);
  const answers = [...statuses].map(([status, n]) => `${n}× ${status}`).join(', ');
  console.log(`| ${durability} | ${answers} | ${fmt(s.p50)} ms | ${fmt(s.p90)} ms | ${fmt(s.p99)} ms | ${fmt(s.max)} ms |`);
}
process.exit(0);
