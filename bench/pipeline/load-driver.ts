import { createWriteStream } from 'node:fs';
import { Agent, request } from 'node:http';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import type { BenchStack } from './bench-stack.js';
import { summarize, type LatencySummary } from './latency-stats.js';
import { cpuSeconds, rssBytes, totalCalls, commandsPerComment } from './proc-stats.js';

/** The load driver's own entry in `cpuSecondsPer1000`. */
export const DRIVER = 'driver';

export interface Audience {
  siteId: string;
  siteKey: string;
  /** The open articles the comments go to, in turn (readers are spread over them alike). */
  articles: string[];
  moderators: Socket[];
  readers: Socket[];
  /** Server RSS growth per reader socket, in bytes (first server). */
  memoryPerSocketBytes: number;
  close(): void;
}

export interface RunResult {
  targetRate: number;
  durationS: number;
  sent: number;
  accepted: number;
  errors: number;
  /** What the errors were: `HTTP <status> <code>` or the client's error code (ECONNRESET…), with counts. */
  errorKinds: Record<string, number>;
  acceptedPerSecond: number;
  post: LatencySummary;
  endToEnd: LatencySummary;
  readerDelivery: LatencySummary;
  undecided: number;
  redisCommandsPerComment: number;
  /** Per comment, by command name (commands inside Lua scripts counted by their own name). */
  redisCommandsByName: Record<string, number>;
  /** Per process, the load driver (`driver`, this process: posts and every socket's receiving) included. */
  cpuSecondsPer1000: Record<string, number>;
}

const ARTICLE = 'bench-article';
const agent = new Agent({ keepAlive: true, maxSockets: 128 });

function httpJson(url: string, method: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = request(url, { method, agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

export const connectSocket = (url: string, ns: string, auth: Record<string, string>) =>
  new Promise<Socket>((resolve, reject) => {
    const s = io(`${url}${ns}`, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });

// a word of its own per comment (s in base 26, as letters): bench comments are ordinary, varied
// readers' comments, not one near-identical wave that the text-campaign check would hold
const letters = (n: number): string => {
  let w = '';
  for (let k = n + 26 * 27; k > 0; k = Math.floor(k / 26)) w = String.fromCharCode(97 + (k % 26)) + w;
  return w;
};

/** The s-th comment of the bench. */
export const benchComment = (s: number): string => `Commentaire ${letters(s)} numéro ${s} : merci pour cet article sur le budget des routes.`;

/**
 * A site in post mode with limits out of the way (with `limits`, the write gate runs but no
 * ceiling, flood signal or proof of work stops a bench comment), and the subscribed sockets.
 */
export async function prepareAudience(
  stack: BenchStack,
  counts: { moderators: number; readers: number; sites?: number; articles?: number },
  opts: { limits?: boolean } = {},
): Promise<Audience> {
  const admin = { authorization: `Bearer ${stack.adminToken}` };
  const base = stack.servers[0]!.url;
  const policy = {
    velocity: { maxComments: 10_000, perSeconds: 1 },
    ...(opts.limits ? { challenge: 'off', flood: { newDevicesPerAddress: 100_000, newDevicesPerSubnet: 1_000_000 } } : {}),
  };
  const site = await httpJson(`${base}/api/v1/sites`, 'POST', { name: 'Bench', origins: [], policy }, admin);
  const articles = articleIds(counts.articles ?? 1);
  // --sites: idle sites beside the one under load, each with a moderator and a reader watching
  const idle: Socket[] = [];
  for (let i = 1; i < (counts.sites ?? 1); i++) {
    const other = await httpJson(`${base}/api/v1/sites`, 'POST', { name: `Idle ${i}`, origins: [], policy }, admin);
    const otherMod = await httpJson(`${base}/api/v1/sites/${other.body.id}/moderators`, 'POST', { name: 'Idle moderator', role: 'moderator' }, admin);
    const m = await connectSocket(base, '/moderation', { token: otherMod.body.token });
    await m.emitWithAck('subscribe', { siteId: other.body.id });
    const r = await connectSocket(base, '/comments', { siteKey: other.body.publicKey });
    await r.emitWithAck('subscribe', { siteId: other.body.id, articleId: ARTICLE });
    idle.push(m, r);
  }
  const mod = await httpJson(`${base}/api/v1/sites/${site.body.id}/moderators`, 'POST', { name: 'Bench moderator', role: 'moderator' }, admin);
  const serverOf = (i: number) => stack.servers[i % stack.servers.length]!.url;
  const moderators: Socket[] = [];
  for (let i = 0; i < counts.moderators; i++) {
    const s = await connectSocket(serverOf(i), '/moderation', { token: mod.body.token });
    await s.emitWithAck('subscribe', { siteId: site.body.id });
    moderators.push(s);
  }
  const rssBefore = rssBytes(stack.servers[0]!.pid);
  const readers: Socket[] = [];
  for (let start = 0; start < counts.readers; start += 200) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(200, counts.readers - start) }, (_, k) => connectSocket(serverOf(start + k), '/comments', { siteKey: site.body.publicKey })),
    );
    await Promise.all(batch.map((s, k) => s.emitWithAck('subscribe', { siteId: site.body.id, articleId: articles[(start + k) % articles.length] })));
    readers.push(...batch);
  }
  const readersOnFirst = Math.ceil(counts.readers / stack.servers.length);
  const memoryPerSocketBytes = readersOnFirst > 0 ? (rssBytes(stack.servers[0]!.pid) - rssBefore) / readersOnFirst : NaN;
  return {
    siteId: site.body.id,
    siteKey: site.body.publicKey,
    articles,
    moderators,
    readers,
    memoryPerSocketBytes,
    close: () => [...moderators, ...readers, ...idle].forEach((s) => s.close()),
  };
}

/** The bench's article ids: the first is the one article of a run without --articles. */
export const articleIds = (n: number): string[] => Array.from({ length: n }, (_, i) => (i === 0 ? ARTICLE : `${ARTICLE}-${i}`));

const SEQ = /numéro (\d+) /;

/**
 * Posts comments open-loop at a fixed rate for a while (a slow answer does not slow the
 * sender), and measures POST latency, POST → moderator `comment.decided`, and POST → reader
 * `comment.published`, plus Redis commands and CPU per comment.
 */
export async function runAtRate(stack: BenchStack, audience: Audience, rate: number, durationS: number, firstSeq: number): Promise<RunResult> {
  const sentAt = new Map<number, number>();
  const post: number[] = [];
  const e2e: number[] = [];
  const delivery: number[] = [];
  const decided = new Set<number>();
  let accepted = 0;
  let errors = 0;
  const errorKinds: Record<string, number> = {};
  const countError = (kind: string) => {
    errors++;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };
  const onDecided = (e: { comment: { body: string } }) => {
    const seq = Number(SEQ.exec(e.comment.body)?.[1]);
    const t0 = sentAt.get(seq);
    if (t0 !== undefined && !decided.has(seq)) {
      decided.add(seq);
      e2e.push(performance.now() - t0);
    }
  };
  const onPublished = (e: { comment: { body: string } }) => {
    const t0 = sentAt.get(Number(SEQ.exec(e.comment.body)?.[1]));
    if (t0 !== undefined) delivery.push(performance.now() - t0);
  };
  audience.moderators[0]?.on('comment.decided', onDecided);
  for (const r of audience.readers) r.on('comment.published', onPublished);

  const redis = new Redis(stack.redisUrl);
  const monitor = process.env.BENCH_MONITOR ? await traceCommands(stack.redisUrl, process.env.BENCH_MONITOR) : undefined;
  const pids: Record<string, number> = { redis: stack.redisPid };
  for (const p of [...stack.servers, ...stack.workers]) pids[p.name] = p.pid;
  // the driver shares the two cores: its share says how much of the machine was left to Palabre
  pids[DRIVER] = process.pid;
  const cpuBefore = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuSeconds(pid)]));
  const statsBefore = await redis.info('commandstats');
  const callsBefore = totalCalls(statsBefore);

  const total = Math.round(rate * durationS);
  const start = performance.now();
  let seq = firstSeq;
  const inflight: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
      while (seq - firstSeq < due) {
        const s = seq++;
        const article = audience.articles[s % audience.articles.length];
        const url = `${stack.servers[s % stack.servers.length]!.url}/api/v1/sites/${audience.siteId}/articles/${article}/comments`;
        const t0 = performance.now();
        sentAt.set(s, t0);
        inflight.push(
          httpJson(url, 'POST', { body: benchComment(s), author: { name: `Lecteur ${s % 500}` } }, {
            'x-site-key': audience.siteKey,
            'x-device-id': `bench-device-${s % 500}`,
          }).then(
            (r) => {
              post.push(performance.now() - t0);
              if (r.status === 202) accepted++;
              else countError(`HTTP ${r.status} ${(r.body as { error?: { code?: string } } | null)?.error?.code ?? ''}`.trim());
            },
            (err: unknown) => countError((err as { code?: string }).code ?? (err as Error).message),
          ),
        );
      }
      if (seq - firstSeq >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 2);
  });
  const sendSeconds = (performance.now() - start) / 1000;
  await Promise.all(inflight);
  for (let i = 0; i < 200 && decided.size < accepted; i++) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 300)); // last reader deliveries

  const statsAfter = await redis.info('commandstats');
  const calls = totalCalls(statsAfter) - callsBefore;
  const cpuPer1000 = Object.fromEntries(
    Object.entries(pids).map(([k, pid]) => [k, accepted ? ((cpuSeconds(pid) - cpuBefore[k]!) / accepted) * 1000 : NaN]),
  );
  redis.disconnect();
  monitor?.disconnect();
  audience.moderators[0]?.off('comment.decided', onDecided);
  for (const r of audience.readers) r.off('comment.published', onPublished);
  return {
    targetRate: rate,
    durationS,
    sent: total,
    accepted,
    errors,
    errorKinds,
    acceptedPerSecond: accepted / sendSeconds,
    post: summarize(post),
    endToEnd: summarize(e2e),
    readerDelivery: summarize(delivery),
    undecided: accepted - decided.size,
    redisCommandsPerComment: accepted ? calls / accepted : NaN,
    redisCommandsByName: accepted ? commandsPerComment(statsBefore, statsAfter, accepted) : {},
    cpuSecondsPer1000: cpuPer1000,
  };
}

/** BENCH_MONITOR=file: every Redis command of the run, one per line (MONITOR), to see which step issues what. */
async function traceCommands(url: string, file: string): Promise<Redis> {
  const out = createWriteStream(file);
  const monitor = await new Redis(url).monitor();
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    out.write(`${source} ${args.map((a) => a.slice(0, 60)).join(' ')}\n`);
  });
  return monitor;
}
