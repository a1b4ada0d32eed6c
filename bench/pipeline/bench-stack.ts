import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface BenchProcess {
  name: string;
  child: ChildProcess;
  pid: number;
}

export interface BenchStack {
  redisUrl: string;
  redisPid: number;
  servers: Array<BenchProcess & { url: string }>;
  workers: BenchProcess[];
  adminToken: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export function waitForLine(child: ChildProcess, pattern: RegExp, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', () => reject(new Error(`${what} exited:\n${out}`)));
  });
}

/**
 * A private redis-server (no persistence, so disk speed does not blur the figures), and the
 * built server and worker processes, each a process of its own as in production.
 */
export async function startBenchStack(opts: { servers: number; workers: number; concurrency: number; build: boolean; limits?: boolean }): Promise<BenchStack> {
  if (opts.build) {
    const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.json')], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('build failed');
  }
  const dir = mkdtempSync(join(tmpdir(), 'palabre-bench-'));
  const redisPort = await freePort();
  const redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForLine(redis, /Ready to accept connections/, 'redis-server');
  const redisUrl = `redis://127.0.0.1:${redisPort}`;
  const adminToken = 'adm_bench_token_0123456789';
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    REDIS_URL: redisUrl,
    ADMIN_TOKEN: adminToken,
    JWT_SECRET: 'bench-jwt-secret-0123456789-0123456789',
    LOG_LEVEL: 'warn',
    // --limits: the write limits run (and their Redis work is counted) with ceilings no bench reaches
    ...(opts.limits
      ? { RATE_LIMIT_DISABLED: '0', RATE_LIMIT_IP_PER_MINUTE: '100000000', RATE_LIMIT_AUTHOR_PER_MINUTE: '100000000' }
      : { RATE_LIMIT_DISABLED: '1' }),
    DEMO_SITE: '0',
    WORKER_METRICS_PORT: '0', // several workers on one machine
    WORKER_CONCURRENCY: String(opts.concurrency),
  };
  const servers: BenchStack['servers'] = [];
  for (let i = 0; i < opts.servers; i++) {
    const port = await freePort();
    const child = spawn(process.execPath, [...profileArgs('SERVER'), join(ROOT, 'dist/server/main.js')], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    await waitForLine(child, /listening on/, `server ${i}`);
    servers.push({ name: `server-${i}`, child, pid: child.pid!, url: `http://127.0.0.1:${port}` });
  }
  const workers: BenchProcess[] = [];
  for (let i = 0; i < opts.workers; i++) {
    const child = spawn(process.execPath, [...profileArgs('WORKER'), join(ROOT, 'dist/workers/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    await waitForLine(child, /workers running/, `worker ${i}`);
    workers.push({ name: `worker-${i}`, child, pid: child.pid! });
  }
  return {
    redisUrl,
    redisPid: redis.pid!,
    servers,
    workers,
    adminToken,
    async stop() {
      const all = [...servers.map((s) => s.child), ...workers.map((w) => w.child)];
      await Promise.all(all.map((c) => new Promise<void>((r) => (c.exitCode !== null ? r() : (c.once('exit', () => r()), c.kill('SIGTERM'))))));
      await new Promise<void>((r) => (redis.once('exit', () => r()), redis.kill('SIGTERM')));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Extra node flags for profiling, e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=bench/results/prof". */
function profileArgs(role: 'SERVER' | 'WORKER'): string[] {
  return (process.env[`BENCH_${role}_NODE_ARGS`] ?? '').split(' ').filter(Boolean);
}
