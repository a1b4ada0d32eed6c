import type { Config } from '../../core/config.js';
import type { CoreDeps } from '../../core/deps.js';
import { errors } from '../../core/errors.js';
import { asCluster, keySlot, masterOf, nodeConnection } from '../../core/redis/cluster-slots.js';
import { createRedis, type Redis } from '../../core/redis/connection.js';
import { createReplicaAck } from '../../core/redis/replica-ack.js';

/**
 * When a new comment may be answered 202 (DURABILITY). `primary`: once the Redis primary holds
 * it; Redis replicates asynchronously, so a failover can lose what the replica had not received.
 * `replica`: the comment is written on a connection of its own, then WAIT holds the answer
 * until a replica has it, so nothing answered 202 is lost in a failover.
 */
export interface CommentDurability {
  /** The deps a new comment is written with: the shared client, or the connection WAIT watches. */
  writeDeps<D extends CoreDeps>(deps: D): D;
  /** Resolves once the site's last write on that connection is on a replica; else throws durability_unavailable. */
  confirm(siteId: string): Promise<void>;
  close(): Promise<void>;
}

const onPrimary: CommentDurability = {
  writeDeps: (deps) => deps,
  confirm: async () => {},
  close: async () => {},
};

export function createCommentDurability(config: Config, deps: Pick<CoreDeps, 'keys' | 'log'>): CommentDurability {
  if (config.DURABILITY === 'primary') return onPrimary;
  const timeoutMs = config.DURABILITY_TIMEOUT_MS;
  // its own connection: a WAIT blocks the connection it runs on, and must run where the write went
  const writer = createRedis(config.redis, { commandTimeout: timeoutMs + 2000 }, deps.log);
  const ack = createReplicaAck({ replicas: 1, timeoutMs });
  const connectionFor = (siteId: string): Redis => {
    const cluster = asCluster(writer);
    if (!cluster) return writer;
    const node = nodeConnection(cluster, masterOf(cluster, keySlot(deps.keys.site(siteId))) ?? '');
    if (!node) throw errors.durabilityUnavailable(timeoutMs);
    return node;
  };
  return {
    writeDeps: (d) => ({ ...d, redis: writer }),
    async confirm(siteId) {
      if ((await ack(connectionFor(siteId))) < 1) throw errors.durabilityUnavailable(timeoutMs);
    },
    close: () => writer.quit().then(() => undefined, () => writer.disconnect()),
  };
}
