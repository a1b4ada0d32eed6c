import { spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort, startPrivateRedis, type PrivateRedis } from './private-redis.js';

export interface PrivateCluster {
  /** `redis-cluster://` URL of the cluster, every master given as a seed. */
  url: string;
  /** One single-node client per master, for checks that must look at one node. */
  masters: Redis[];
  /** Stops every node and deletes their data directories. */
  destroy(): Promise<void>;
}

/**
 * A real Redis Cluster of the test's own: `masters` redis-servers with cluster mode on, each on
 * free ports (its bus port too) in a temporary directory, joined by `redis-cli --cluster create`.
 */
export async function startPrivateCluster(masters = 3): Promise<PrivateCluster> {
  const nodes: PrivateRedis[] = [];
  const clients: Redis[] = [];
  const destroy = async () => {
    for (const c of clients) c.disconnect();
    await Promise.all(nodes.map((n) => n.destroy()));
  };
  try {
    for (let i = 0; i < masters; i++) {
      // the bus port defaults to port + 10000, which may be taken or out of range: pick a free one
      const busPort = await freePort();
      nodes.push(
        await startPrivateRedis(['--cluster-enabled', 'yes', '--cluster-port', String(busPort), '--cluster-node-timeout', '5000']),
      );
    }
    const addresses = nodes.map((n) => `127.0.0.1:${n.port}`);
    const created = spawnSync('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    if (created.status !== 0) throw new Error(`redis-cli --cluster create failed:\n${created.stdout}\n${created.stderr}`);
    for (const n of nodes) clients.push(new Redis(n.port, '127.0.0.1'));
    await waitForClusterOk(clients);
    const [first, ...rest] = addresses;
    return { url: `redis-cluster://${first}?seeds=${rest.join(',')}`, masters: clients, destroy };
  } catch (err) {
    await destroy();
    throw err;
  }
}

// every node must agree the cluster is up (all slots covered) before a client can rely on it
async function waitForClusterOk(clients: Redis[]): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const infos = await Promise.all(clients.map((c) => c.cluster('INFO') as Promise<string>));
    if (infos.every((info) => /cluster_state:ok/.test(info))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('private cluster did not reach cluster_state:ok within 20 s');
}
