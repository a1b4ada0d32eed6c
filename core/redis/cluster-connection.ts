import { Cluster, type ClusterNode, type RedisOptions } from 'ioredis';

/**
 * `REDIS_URL=redis-cluster://[user:password@]host:port[?seeds=host:port,host:port]` (or
 * `rediss-cluster://` for TLS) selects Redis Cluster. One seed is enough: the client learns
 * every node from it; extra seeds let a process boot while the first one is down.
 */
export const isClusterUrl = (url: string | undefined): url is string => /^rediss?-cluster:\/\//.test(url ?? '');

export interface ClusterUrl {
  seeds: ClusterNode[];
  /** Options of each node connection: credentials, TLS. */
  nodeOptions: RedisOptions;
}

export function parseClusterUrl(url: string): ClusterUrl {
  const u = new URL(url);
  const seeds: ClusterNode[] = [{ host: u.hostname, port: Number(u.port || 6379) }];
  for (const seed of (u.searchParams.get('seeds') ?? '').split(',').filter(Boolean)) {
    const at = seed.lastIndexOf(':');
    seeds.push(at > 0 ? { host: seed.slice(0, at), port: Number(seed.slice(at + 1)) } : { host: seed, port: 6379 });
  }
  const nodeOptions: RedisOptions = {};
  if (u.username) nodeOptions.username = decodeURIComponent(u.username);
  if (u.password) nodeOptions.password = decodeURIComponent(u.password);
  if (u.protocol === 'rediss-cluster:') nodeOptions.tls = {};
  return { seeds, nodeOptions };
}

/**
 * An ioredis Cluster client with the same behaviour createRedis gives a single Redis: `opts`
 * (timeouts, retries) apply to every node connection, the cluster reconnects forever.
 */
export function createClusterClient(url: string, opts: RedisOptions): Cluster {
  const { seeds, nodeOptions } = parseClusterUrl(url);
  // node connections always queue (ioredis connects them lazily); failing fast is the cluster's job
  const { lazyConnect, retryStrategy, enableOfflineQueue, ...perNode } = opts;
  return new Cluster(seeds, {
    lazyConnect: lazyConnect ?? true,
    enableOfflineQueue: enableOfflineQueue ?? true,
    // like a single Redis: back off up to 1 s between reconnects, forever
    clusterRetryStrategy: (attempt) => (retryStrategy ? retryStrategy(attempt) : Math.min(attempt * 100, 1000)),
    // the URL says TLS; the CA, client certificate and name come from REDIS_TLS_* (perNode.tls)
    redisOptions: { ...perNode, ...nodeOptions, ...(nodeOptions.tls && perNode.tls ? { tls: perNode.tls } : {}) },
  });
}
