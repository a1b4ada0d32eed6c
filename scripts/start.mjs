#!/usr/bin/env node
// Starts Palabre from a fresh clone: builds when sources are newer than dist/, makes sure Redis
// answers (starting a private redis-server when REDIS_URL is unset and nothing listens on
// 127.0.0.1:6379), then runs the server and/or the workers. Plain JS: it runs before any build.
// Usage: node scripts/start.mjs [all|server|workers]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const what = process.argv[2] ?? 'all';
if (!['all', 'server', 'workers'].includes(what)) {
  console.error(`palabre: unknown target "${what}" (use all, server or workers)`);
  process.exit(2);
}

buildIfStale();
const env = { ...process.env };
// REDIS_URL (or REDIS_URL_FILE, a secret file) says where Redis is: any scheme, Sentinel and Cluster too
const redisChild = env.REDIS_URL || env.REDIS_URL_FILE ? null : await ensureLocalRedis();
if (redisChild) env.REDIS_URL = 'redis://127.0.0.1:6379';

const children = [];
if (what !== 'workers') children.push(run('server', 'dist/server/main.js'));
if (what !== 'server') {
  // let the server create the dev secrets and demo site first, so logs read in order
  if (what === 'all') await new Promise((r) => setTimeout(r, 500));
  children.push(run('workers', 'dist/workers/main.js'));
}

let exiting = false;
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stopAll(sig, 0));

function run(name, file) {
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, file)], { env, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!exiting) {
      console.error(`palabre: ${name} exited (${signal ?? code}); stopping`);
      stopAll('SIGTERM', code ?? 1);
    }
  });
  return child;
}

function stopAll(signal, code) {
  if (exiting) return;
  exiting = true;
  let alive = children.filter((c) => c.exitCode === null && c.signalCode === null);
  for (const c of alive) c.kill(signal);
  const finish = () => {
    if (redisChild && redisChild.exitCode === null) {
      redisChild.once('exit', () => process.exit(code));
      redisChild.kill('SIGTERM'); // redis-server flushes its AOF on SIGTERM
    } else process.exit(code);
  };
  if (alive.length === 0) return finish();
  for (const c of alive) c.once('exit', () => { alive = alive.filter((x) => x !== c); if (alive.length === 0) finish(); });
  setTimeout(finish, 35_000).unref();
}

function buildIfStale() {
  const sdk = spawnSync(process.execPath, [join(root, 'client-sdk/build.mjs'), '--if-stale'], { stdio: 'inherit' });
  if (sdk.status !== 0) process.exit(sdk.status ?? 1);
  const marker = join(root, 'dist/server/main.js');
  const newest = Math.max(...['protocol', 'core', 'server', 'workers', 'training', 'scripts', 'client-sdk/src'].map((d) => newestMtime(join(root, d))));
  if (existsSync(marker) && statSync(marker).mtimeMs >= newest) return;
  console.log('palabre: building (tsc)…');
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function answersPing(port) {
  return new Promise((resolve) => {
    const sock = createConnection({ host: '127.0.0.1', port });
    const done = (ok) => { sock.destroy(); resolve(ok); };
    sock.setTimeout(500, () => done(false));
    sock.on('error', () => done(false));
    sock.on('connect', () => sock.write('PING\r\n'));
    sock.on('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

async function ensureLocalRedis() {
  if (await answersPing(6379)) return null;
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (which.status !== 0) {
    console.error(
      'palabre: no Redis answers on 127.0.0.1:6379 and redis-server is not installed.\n' +
        '  Install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis),\n' +
        '  or point REDIS_URL at a Redis 7 server (maxmemory-policy noeviction).',
    );
    process.exit(1);
  }
  const dir = join(root, '.data/redis');
  mkdirSync(dir, { recursive: true });
  console.log(`palabre: starting a private redis-server (AOF on, data in ${dir})`);
  const child = spawn(
    'redis-server',
    ['--port', '6379', '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec',
     '--maxmemory-policy', 'noeviction', '--save', ''],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 50; i++) {
    if (await answersPing(6379)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  console.error('palabre: the private redis-server did not start');
  process.exit(1);
}
