/**
 * Import benchmark (not part of npm test): writes a synthetic Disqus export of about --mb
 * megabytes (200 by default), imports it with `npm run import` into a private redis-server,
 * and prints the import process's peak RSS (VmHWM), its duration and throughput, and Redis's
 * memory. `--mb 20,200` runs both sizes, to show memory does not grow with the file;
 * `--heap-mb 64` caps the import's V8 heap (--max-old-space-size) to show it needs no more.
 * Usage: npm run bench:import [-- --mb 20,200] [--heap-mb 64]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { newId } from '../../core/ids.js';
import { createLogger } from '../../core/logger.js';
import { redisKeys } from '../../core/redis/keys.js';
import { createSite } from '../../core/sites/site-store.js';
import { startPrivateRedis } from '../../tests/support/private-redis.js';
import { writeSyntheticDisqusExport } from './synthetic-export.js';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '200' }, 'heap-mb': { type: 'string' } } });
const heapFlags = values['heap-mb'] ? [`--max-old-space-size=${Number(values['heap-mb'])}`] : [];
const sizes = values.mb.split(',').map(Number).filter((n) => n > 0);

/** Peak resident memory of a process so far (VmHWM), in bytes; 0 once it is gone. */
function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'palabre-import-bench-'));
const redis = await startPrivateRedis(['--maxmemory-policy', 'noeviction']);
try {
  for (const mb of sizes) {
    const file = join(dir, `disqus-${mb}mb.xml`);
    const written = await writeSyntheticDisqusExport(file, mb * 1e6);
    const client = new Redis(redis.url);
    await client.flushall();
    const prefix = 'bench';
    const site = await createSite(
      { redis: client, keys: redisKeys(prefix), log: createLogger('silent', 'bench'), now: Date.now, newId },
      { name: 'Bench', origins: ['https://www.journal.example'] },
    );
    const started = performance.now();
    const child = spawn(process.execPath, [...heapFlags, '--import', 'tsx', 'scripts/import.ts', '--site', site.id, '--from', 'disqus', file, '--no-progress'], {
      env: { ...process.env, REDIS_URL: redis.url, KEY_PREFIX: prefix, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, peakRss(child.pid!))), 100);
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    const imported = Number(/imported: (\d+)/.exec(stdout)?.[1] ?? 0);
    const usedMemory = Number(/used_memory:(\d+)/.exec(await client.info('memory'))?.[1] ?? 0);
    await client.quit();
    console.log(
      [
        `export ${(written.bytes / 1e6).toFixed(1)} MB: ${written.posts} posts in ${written.threads} threads (exit ${code})`,
        `  imported ${imported} comments in ${seconds.toFixed(1)} s: ${Math.round(imported / seconds)} comments/s, ${(written.bytes / 1e6 / seconds).toFixed(1)} MB/s`,
        `  peak RSS of the import process: ${(peak / 1e6).toFixed(0)} MB (sampled every 100 ms; VmHWM)${heapFlags.length ? `, V8 heap capped at ${values['heap-mb']} MB` : ''}`,
        `  Redis used_memory after: ${(usedMemory / 1e6).toFixed(0)} MB`,
      ].join('\n'),
    );
    rmSync(file, { force: true });
  }
} finally {
  await redis.destroy();
  rmSync(dir, { recursive: true, force: true });
}
