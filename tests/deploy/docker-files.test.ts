import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configSchema, secretFileVariable } from '../../core/config.js';
import { freePort } from '../support/private-redis.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** The first reply line of a Redis server to a raw command, as an unauthenticated client. */
const rawReply = (port: number, command: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(command));
    socket.once('data', (d) => (resolve(d.toString().split('\r\n')[0]!), socket.destroy()));
    socket.once('error', reject);
  });
const run = promisify(execFile);

/** Dockerfile instructions by stage, continuation lines joined, comments dropped. */
function dockerfileStages(text: string): Array<{ from: string; lines: string[] }> {
  const stages: Array<{ from: string; lines: string[] }> = [];
  const joined = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  for (const line of joined) {
    if (/^FROM /i.test(line)) stages.push({ from: line.split(/\s+/)[1]!, lines: [] });
    else stages.at(-1)?.lines.push(line);
  }
  return stages;
}

describe('the Dockerfile', () => {
  const stages = dockerfileStages(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
  const final = stages.at(-1)!;

  it('builds in one stage and runs from a second on the current Node LTS (24)', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const s of stages) expect(s.from).toMatch(/^node:24(\.\d+)*-(bookworm-slim|alpine)/);
    expect(stages[0]!.lines.join('\n')).toMatch(/npm prune --omit=dev/);
  });

  it('compiles every source folder tsconfig.json includes', () => {
    const include = (JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { include: string[] }).include;
    const copied = stages[0]!.lines.filter((l) => l.startsWith('COPY ')).map((l) => l.split(/\s+/)[1]);
    for (const dir of include) expect(copied, dir).toContain(dir.split('/')[0]);
  });

  it('runs as a non-root user with a HEALTHCHECK, and ships no sources or dev dependencies', () => {
    const user = final.lines.filter((l) => l.startsWith('USER ')).at(-1);
    expect(user).toBeDefined();
    expect(user!.split(/\s+/)[1]).not.toMatch(/^(root|0)(:|$)/);
    const health = final.lines.find((l) => l.startsWith('HEALTHCHECK '));
    expect(health).toMatch(/CMD \["node", "scripts\/healthcheck\.mjs"\]/);
    const copies = final.lines.filter((l) => l.startsWith('COPY '));
    expect(copies.some((l) => l.includes('scripts/healthcheck.mjs'))).toBe(true);
    // only build output, models and the health script: never `COPY . .`, sources or the build's dev tools
    for (const l of copies) expect(l, l).not.toMatch(/COPY (--from=\S+ )?(\.|\/app|\/app\/(core|server|workers|protocol|tests))\s/);
  });
});

describe('the image health check (scripts/healthcheck.mjs)', () => {
  const check = (env: Record<string, string>) =>
    run(process.execPath, [join(ROOT, 'scripts/healthcheck.mjs')], { env: { ...process.env, ...env } }).then(
      () => 0,
      (err: { code?: number }) => err.code ?? -1,
    );

  it("is healthy when the server's or the worker's /healthz answers, and unhealthy when neither does", async () => {
    const http = createServer((req, res) => res.writeHead(req.url === '/healthz' ? 200 : 404).end());
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const up = String((http.address() as AddressInfo).port);
    const down = String(await freePort());
    try {
      expect(await check({ PORT: up, WORKER_METRICS_PORT: down })).toBe(0);
      expect(await check({ PORT: down, WORKER_METRICS_PORT: up })).toBe(0);
      expect(await check({ PORT: down, WORKER_METRICS_PORT: String(await freePort()) })).toBe(1);
    } finally {
      http.close();
    }
  });
});

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  secrets?: string[];
  read_only?: boolean;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, ComposeService>;
    secrets: Record<string, { environment?: string; file?: string }>;
  };
  const palabre = Object.entries(compose.services).filter(([, s]) => s.image === 'palabre:latest');
  const redis = compose.services.redis!;
  const dir = mkdtempSync(join(tmpdir(), 'palabre-compose-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the Palabre services in production mode, read-only, with secrets as files only', () => {
    expect(palabre.map(([name]) => name).sort()).toEqual(['server-1', 'server-2', 'worker-1', 'worker-2']);
    const known = new Set(Object.keys(configSchema.shape));
    for (const [name, service] of palabre) {
      const env = service.environment!;
      expect(env.NODE_ENV, name).toBe('production');
      expect(service.read_only, name).toBe(true);
      expect(service.depends_on?.redis?.condition, name).toBe('service_healthy');
      for (const secret of ['ADMIN_TOKEN', 'JWT_SECRET', 'REDIS_PASSWORD']) expect(env, `${name} ${secret}`).not.toHaveProperty(secret);
      for (const [variable, value] of Object.entries(env)) {
        expect(known.has(variable) || known.has(secretFileVariable(variable) ?? ''), `${name}: ${variable}`).toBe(true);
        if (!variable.endsWith('_FILE')) continue;
        const secret = /^\/run\/secrets\/([a-z_]+)$/.exec(value)?.[1];
        expect(secret && compose.secrets[secret], `${name}: ${variable}=${value} names a declared secret`).toBeTruthy();
        expect(service.secrets, name).toContain(secret);
      }
      expect(env.DEMO_SITE, name).toBe('${DEMO_SITE:-0}');
    }
  });

  it("starts a Redis with AOF, noeviction, the default user off and a password-protected ACL user, as compose's command does", async () => {
    // compose's own command, with its paths moved to a temporary directory and a free port
    const script = redis.command![2]!
      .replaceAll('$$', '$')
      .replaceAll('/run/secrets/redis_password', join(dir, 'redis_password'))
      .replaceAll('/tmp/users.acl', join(dir, 'users.acl'))
      .replace('exec docker-entrypoint.sh redis-server', 'exec redis-server')
      .replace('--dir /data', `--dir ${dir}`);
    expect(redis.command!.slice(0, 2)).toEqual(['sh', '-c']);
    expect(script).toMatch(/--appendonly yes .*--maxmemory-policy noeviction/);
    const password = 'compose-test-password-0123';
    writeFileSync(join(dir, 'redis_password'), password);
    const port = await freePort();
    const child = spawn('sh', ['-c', `${script} --port ${port} --bind 127.0.0.1`], { stdio: 'ignore' });
    const client = new Redis(port, '127.0.0.1', { username: 'palabre', password, maxRetriesPerRequest: 50, retryStrategy: () => 100 });
    client.on('error', () => {});
    try {
      expect(await client.ping()).toBe('PONG'); // queued until redis-server listens
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
      expect(await client.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
      // the password is on disk only as its SHA-256
      expect(readFileSync(join(dir, 'users.acl'), 'utf8')).not.toContain(password);
      expect(await rawReply(port, 'PING\r\n')).toMatch(/^-NOAUTH/); // the default user is off
      // the health check signs in the same way
      const health = redis.healthcheck!.test[1]!.replaceAll('$$', '$').replaceAll('/run/secrets/redis_password', join(dir, 'redis_password'));
      expect(redis.healthcheck!.test[0]).toBe('CMD-SHELL');
      await run('sh', ['-c', health.replace('redis-cli ', `redis-cli -p ${port} `)]);
    } finally {
      client.disconnect();
      child.kill('SIGKILL');
    }
  });
});
