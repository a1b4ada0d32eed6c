import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startBenchStack } from './bench-stack.js';
import { fmt } from './latency-stats.js';
import { prepareAudience, runAtRate, type RunResult } from './load-driver.js';

// npm run bench -- [--rate 1000] [--duration 10] [--readers 100] [--moderators 2]
//                  [--servers 1] [--workers 1] [--concurrency 32] [--ramp] [--out file.json]
//                  [--limits]  (write limits on, ceilings out of reach: counts their Redis work)
const { values: a } = parseArgs({
  options: {
    rate: { type: 'string', default: '1000' },
    duration: { type: 'string', default: '10' },
    readers: { type: 'string', default: '100' },
    moderators: { type: 'string', default: '2' },
    servers: { type: 'string', default: '1' },
    workers: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '32' },
    ramp: { type: 'boolean', default: false },
    limits: { type: 'boolean', default: false },
    'ramp-start': { type: 'string', default: '250' },
    'ramp-step': { type: 'string', default: '250' },
    out: { type: 'string' },
    /** Use dist/ as it is (development of the benchmark itself). */
    'skip-build': { type: 'boolean', default: false },
  },
});
const n = (k: keyof typeof a) => Number(a[k]);

const stack = await startBenchStack({ servers: n('servers'), workers: n('workers'), concurrency: n('concurrency'), build: !a['skip-build'], limits: a.limits });
const audience = await prepareAudience(stack, { moderators: n('moderators'), readers: n('readers') }, { limits: a.limits });
const results: RunResult[] = [];
let seq = 0;
try {
  await runAtRate(stack, audience, 50, 1, 1_000_000); // warm-up: JIT, connections, Lua script cache
  if (a.ramp) {
    for (let rate = n('ramp-start'); ; rate += n('ramp-step')) {
      const r = await runAtRate(stack, audience, rate, n('duration'), seq);
      seq += r.sent;
      results.push(r);
      print([r]);
      if (r.errors > 0 || r.endToEnd.p99 > 100 || r.acceptedPerSecond < rate * 0.95 || r.undecided > 0) break;
    }
  } else {
    results.push(await runAtRate(stack, audience, n('rate'), n('duration'), seq));
    print(results);
  }
} finally {
  audience.close();
  await stack.stop();
}

const sustained = results.filter((r) => r.errors === 0 && r.endToEnd.p99 <= 100 && r.undecided === 0 && r.acceptedPerSecond >= r.targetRate * 0.95);
const summary = {
  at: new Date().toISOString(),
  setup: { servers: n('servers'), workers: n('workers'), concurrency: n('concurrency'), readers: n('readers'), moderators: n('moderators') },
  memoryPerReaderSocketBytes: audience.memoryPerSocketBytes,
  highestSustainedRate: a.ramp ? (sustained.at(-1)?.targetRate ?? 0) : undefined,
  runs: results,
};
console.log(`memory per reader socket (server RSS): ${fmt(audience.memoryPerSocketBytes / 1024)} KiB`);
if (a.ramp) console.log(`highest rate sustained (p99 ≤ 100 ms, no errors): ${summary.highestSustainedRate} comments/s`);
const out = a.out ?? join('bench', 'results', `bench-${summary.at.replace(/[:.]/g, '-')}.json`);
mkdirSync(join(out, '..'), { recursive: true });
writeFileSync(out, JSON.stringify(summary, null, 2));
console.log(`JSON: ${out}`);

function print(rs: RunResult[]) {
  for (const r of rs) {
    console.log(
      [
        `rate ${r.targetRate}/s for ${r.durationS}s: accepted ${r.accepted}/${r.sent} (${fmt(r.acceptedPerSecond, 0)}/s), errors ${r.errors}, undecided ${r.undecided}`,
        `  POST latency ms        p50 ${fmt(r.post.p50)}  p90 ${fmt(r.post.p90)}  p99 ${fmt(r.post.p99)}  max ${fmt(r.post.max)}`,
        `  POST→decided (mod) ms  p50 ${fmt(r.endToEnd.p50)}  p90 ${fmt(r.endToEnd.p90)}  p99 ${fmt(r.endToEnd.p99)}  max ${fmt(r.endToEnd.max)}`,
        `  POST→reader ms         p50 ${fmt(r.readerDelivery.p50)}  p90 ${fmt(r.readerDelivery.p90)}  p99 ${fmt(r.readerDelivery.p99)}  max ${fmt(r.readerDelivery.max)}  (${r.readerDelivery.n} deliveries)`,
        `  Redis commands per comment ${fmt(r.redisCommandsPerComment)}: ${Object.entries(r.redisCommandsByName).slice(0, 14).map(([k, v]) => `${k} ${v}`).join(', ')}`,
        `  CPU s per 1000 comments ${Object.entries(r.cpuSecondsPer1000).map(([k, v]) => `${k} ${fmt(v, 2)}`).join(', ')}`,
      ].join('\n'),
    );
  }
}
