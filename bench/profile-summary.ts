import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

// npx tsx bench/profile-summary.ts FILE.cpuprofile [--comments N] [--top 30] [--by step|file|leaf] [--skip-ms N] [--within STEP] [--cpu-ms X]
//
// Where a process's CPU went, by Palabre's own steps. Each sample is charged to the innermost
// frame of our own code on its stack (dist/server, dist/workers, dist/core...): the library
// work a step calls (ioredis under the store script, zod under validation) counts for that
// step. Samples with none of our frames on the stack go to the library that runs them
// (express, socket.io, engine.io, ws, ioredis, bullmq...), node's own modules, or V8's
// (garbage collector), (program). Idle time and start-up are left out. With --comments, each line also says
// CPU milliseconds per comment (the sampled time divided by N).

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const { values: a, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    comments: { type: 'string' },
    top: { type: 'string', default: '30' },
    by: { type: 'string', default: 'step' },
    /** Leave out samples before this many ms (start-up); default: until the first sample in a hot-path step. */
    'skip-ms': { type: 'string' },
    /**
     * The process's measured CPU ms per comment (the bench's "CPU s per 1000 comments"): each
     * step gets its share of it. Better than --comments on a busy machine, where the profiler's
     * sample intervals include time the process waited for a core.
     */
    'cpu-ms': { type: 'string' },
    /** Only the samples charged to this step, by their leaf function: what inside a step costs. */
    within: { type: 'string' },
  },
});
if (positionals.length === 0) {
  console.error('usage: tsx bench/profile-summary.ts FILE.cpuprofile [--comments N] [--top 30] [--by step|file|leaf]');
  process.exit(2);
}

/** Our own steps, by the source file a frame is in (first match wins); others are named by their file. */
const STEPS: Array<[RegExp, string]> = [
  [/server\/http\/(route-spec|mount-routes|common-schemas)/, 'validation and route glue'],
  [/server\/http\//, 'HTTP framework (own middleware)'],
  [/server\/comments\/comment-schemas|protocol\/.*schemas/, 'validation'],
  [/server\/comments\/author-identity|server\/auth\/|server\/sites\/site-auth|core\/sites\//, 'auth and site lookup'],
  [/server\/flood\/|core\/flood\//, 'write gate and rate limiting'],
  [/core\/comments\/(comment-store|create-comment-script)/, 'store script'],
  [/server\/comments\/moderation-enqueuer|core\/queue\//, 'enqueue'],
  [/server\/comments\/comment-durability/, 'durability'],
  [/server\/comments\//, 'comment route'],
  [/server\/realtime\/event-relay/, 'relay (event stream read)'],
  [/server\/realtime\//, 'Socket.IO namespaces (own)'],
  [/workers\/(classifiers|text|language|scoring\/model)\//, 'check: text, language, classifiers'],
  [/workers\/scoring\/([a-z-]+)/, 'check: $1'],
  [/workers\/checks\//, 'checks (runner)'],
  [/workers\/flood\/|workers\/surge\//, 'check: flood and surge'],
  [/workers\/decision\/gather-facts/, 'gather facts (worker reads, windows)'],
  [/workers\/decision\/(write-auto-decision)|core\/comments\/(comment-transition|transition-script)/, 'decision write'],
  [/workers\/decision\//, 'decide (batch, rules)'],
  [/core\/decision\//, 'decide (policy rules)'],
  [/core\/stats\/|workers\/stats\//, 'statistics'],
  [/core\/events\//, 'event append'],
  [/core\/metrics\/|server\/metrics\/|workers\/metrics\//, 'metrics'],
  [/core\/redis\//, 'redis glue (own)'],
];

const ownFile = (url: string): string | undefined => {
  if (url.includes('node_modules')) return undefined;
  const m = /\/(?:dist\/)?((?:server|workers|core|protocol)\/.+?)(?:\.[jt]s)?$/.exec(url);
  return m?.[1];
};

const library = (url: string): string | undefined => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/g;
  let last: string | undefined;
  for (const x of url.matchAll(m)) last = x[1];
  return last;
};

const stepOf = (file: string): string => {
  for (const [re, name] of STEPS) {
    const m = re.exec(file);
    if (m) return name.replace('$1', m[1] ?? '');
  }
  return file;
};

for (const file of positionals) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  // the charge of each node, computed once: walk up to the innermost own frame
  const chargeCache = new Map<number, string>();
  const chargeOf = (id: number): string => {
    const cached = chargeCache.get(id);
    if (cached !== undefined) return cached;
    const leaf = byId.get(id)!;
    let label: string | undefined;
    for (let cur: number | undefined = id; cur !== undefined && label === undefined; cur = parent.get(cur)) {
      const f = ownFile(byId.get(cur)!.callFrame.url);
      if (f) label = a.by === 'file' ? f : a.by === 'leaf' ? undefined : stepOf(f);
      if (a.by === 'leaf') break;
    }
    if (label === undefined) {
      // no own frame: the outermost library on the stack (the one that called into the rest)
      let lib: string | undefined;
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) lib = library(byId.get(cur)!.callFrame.url) ?? lib;
      const fn = leaf.callFrame.functionName;
      const url = leaf.callFrame.url;
      label =
        a.by === 'leaf'
          ? `${fn || '(anonymous)'} ${library(url) ?? ownFile(url) ?? url.replace(/^node:/, '')}`
          : lib
            ? `lib: ${lib}`
            : fn.startsWith('(')
              ? fn
              : url.startsWith('node:')
                ? `node: ${url.slice(5).split('/')[0]}`
                : `other: ${fn || '(anonymous)'}`;
    }
    chargeCache.set(id, label);
    return label;
  };

  const totals = new Map<string, number>();
  let busyUs = 0;
  // start-up (module loading, model reading) is not per-comment work: skip it
  const hot = /^(comment route|store script|decide \(batch, rules\)|gather facts)/;
  let elapsedUs = 0;
  let started = false;
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i]!;
    const dt = p.timeDeltas[i + 1] ?? 0; // a sample's time runs until the next one
    elapsedUs += p.timeDeltas[i] ?? 0;
    if (!started) {
      started = a['skip-ms'] !== undefined ? elapsedUs >= Number(a['skip-ms']) * 1000 : a.by === 'step' && hot.test(chargeOf(id));
      if (!started && (a['skip-ms'] !== undefined || a.by === 'step')) continue;
      started = true;
    }
    if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
    let label = chargeOf(id);
    if (a.within !== undefined) {
      if (label !== a.within) continue;
      const f = byId.get(id)!.callFrame;
      label = `${f.functionName || '(anonymous)'} ${library(f.url) ?? ownFile(f.url) ?? f.url.replace(/^node:/, '')}`;
    }
    totals.set(label, (totals.get(label) ?? 0) + dt);
    busyUs += dt;
  }
  const comments = a.comments ? Number(a.comments) : undefined;
  const cpuMs = a['cpu-ms'] !== undefined ? Number(a['cpu-ms']) : undefined;
  console.log(`${file}: ${(busyUs / 1e6).toFixed(2)} s sampled (idle left out)${comments ? `, ${comments} comments: ${(busyUs / 1000 / comments).toFixed(3)} ms per comment` : ''}`);
  const rows = [...totals].sort((x, y) => y[1] - x[1]).slice(0, Number(a.top));
  for (const [label, us] of rows) {
    const share = ((us / busyUs) * 100).toFixed(1).padStart(5);
    const ms = cpuMs !== undefined ? (us / busyUs) * cpuMs : comments ? us / 1000 / comments : undefined;
    const perComment = ms !== undefined ? `  ${ms.toFixed(3).padStart(7)} ms/comment` : '';
    console.log(`${share} %${perComment}  ${label}`);
  }
}
