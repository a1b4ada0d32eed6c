import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { waitUntil } from './in-process-worker.js';
import { freePort, startPrivateRedis, type PrivateRedis } from './private-redis.js';

export const SENTINEL_MASTER = 'palabre';

export interface SentinelGroup {
  /** `redis-sentinel://…/palabre`, what Palabre's processes are given. */
  url: string;
  master: PrivateRedis;
  replica: PrivateRedis;
  sentinelPorts: number[];
  /** host:port of the master every sentinel names now, `disagree` during a failover. */
  currentMaster(): Promise<string>;
  /** Resolves once every sentinel names another master than `previous` (a failover ended). */
  failedOverFrom(previous: string, timeoutMs?: number): Promise<string>;
  /** Resolves true once the master at `address` has a replica in sync (`state=online`), false after the timeout. */
  replicaOnline(address: string, timeoutMs: number): Promise<boolean>;
  destroy(): Promise<void>;
}

const loopback = (port: number) => `127.0.0.1:${port}`;

/**
 * A master, one replica and three `redis-sentinel` processes on loopback ports, in a temporary
 * directory, quorum 2, a master declared down after 1 s without answers. Resolves once every
 * sentinel knows the replica and the two other sentinels, so a failover can happen.
 */
export async function startSentinelGroup(): Promise<SentinelGroup> {
  // full syncs start at once (the default waits 5 s for more replicas to join)
  const common = ['--maxmemory-policy', 'noeviction', '--repl-diskless-sync-delay', '0'];
  const master = await startPrivateRedis(common);
  const replica = await startPrivateRedis([...common, '--replicaof', '127.0.0.1', String(master.port)]);
  const dir = mkdtempSync(join(tmpdir(), 'palabre-sentinel-'));
  const sentinels: ChildProcess[] = [];
  const sentinelPorts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    const conf = join(dir, `sentinel-${i}.conf`);
    // sentinels rewrite their own file: it must be writable, one per process
    writeFileSync(
      conf,
      [
        `port ${port}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor ${SENTINEL_MASTER} 127.0.0.1 ${master.port} 2`,
        `sentinel down-after-milliseconds ${SENTINEL_MASTER} 1000`,
        `sentinel failover-timeout ${SENTINEL_MASTER} 6000`,
        `sentinel parallel-syncs ${SENTINEL_MASTER} 1`,
        '',
      ].join('\n'),
    );
    sentinels.push(spawn('redis-sentinel', [conf], { stdio: 'ignore' }));
    sentinelPorts.push(port);
  }
  const ask = async <T>(port: number, ...args: string[]): Promise<T> => {
    const client = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    try {
      await client.connect();
      return (await client.call('SENTINEL', ...args)) as T;
    } finally {
      client.disconnect();
    }
  };
  const masterInfo = async (port: number) => {
    const flat = await ask<string[]>(port, 'MASTER', SENTINEL_MASTER).catch(() => [] as string[]);
    const info = new Map<string, string>();
    for (let i = 0; i + 1 < flat.length; i += 2) info.set(flat[i]!, flat[i + 1]!);
    return info;
  };
  const ready = await waitUntil(
    () => Promise.all(sentinelPorts.map(masterInfo)),
    (infos) => infos.every((m) => m.get('num-slaves') === '1' && m.get('num-other-sentinels') === '2'),
    30_000,
  );
  if (!ready.every((m) => m.get('num-other-sentinels') === '2')) throw new Error('the sentinels did not find each other within 30 s');

  /** The master every sentinel names, or `disagree` while their views differ (during a failover). */
  const currentMaster = async () => {
    const named = new Set<string>();
    for (const port of sentinelPorts) {
      const addr = await ask<[string, string] | null>(port, 'get-master-addr-by-name', SENTINEL_MASTER).catch(() => null);
      named.add(addr ? `${addr[0]}:${addr[1]}` : 'none');
    }
    return named.size === 1 ? [...named][0]! : 'disagree';
  };
  const group: SentinelGroup = {
    url: `redis-sentinel://${sentinelPorts.map(loopback).join(',')}/${SENTINEL_MASTER}`,
    master,
    replica,
    sentinelPorts,
    currentMaster,
    async failedOverFrom(previous, timeoutMs = 30_000) {
      const now = await waitUntil(currentMaster, (addr) => addr !== previous && addr !== 'disagree' && addr !== 'none', timeoutMs);
      if (now === previous || now === 'disagree' || now === 'none') throw new Error(`no failover from ${previous} all sentinels agree on within ${timeoutMs} ms`);
      return now;
    },
    async replicaOnline(address, timeoutMs) {
      const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
      const client = new Redis(port, host, { maxRetriesPerRequest: 0, retryStrategy: () => 200 });
      client.on('error', () => {});
      try {
        const info = await waitUntil(() => client.info('replication').catch(() => ''), (i) => /^slave\d+:.*state=online/m.test(i), timeoutMs);
        return /^slave\d+:.*state=online/m.test(info);
      } finally {
        client.disconnect();
      }
    },
    async destroy() {
      for (const s of sentinels) s.kill('SIGKILL');
      await Promise.all([master.destroy(), replica.destroy()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  // the replica has the whole data set before anything is written that a failover should keep
  if (!(await group.replicaOnline(loopback(master.port), 20_000))) throw new Error('the replica did not sync within 20 s');
  return group;
}
