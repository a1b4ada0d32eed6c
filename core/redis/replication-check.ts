import type { Logger } from '../logger.js';
import { asCluster } from './cluster-slots.js';
import { parseInfo, type Redis } from './connection.js';

/**
 * DURABILITY=replica answers 503 to every post while the primary has no replica: say so at boot
 * rather than let the first reader find out. A warning, not a refusal: the replica may be on its way.
 */
export async function warnWithoutReplica(redis: Redis, log: Logger): Promise<void> {
  const primaries = asCluster(redis)?.nodes('master') ?? [redis];
  for (const node of primaries) {
    const replicas = Number(parseInfo(await node.info('replication')).get('connected_slaves') ?? 0);
    if (replicas < 1) {
      log.warn(
        { node: `${node.options.host}:${node.options.port}` },
        'DURABILITY=replica but this Redis primary has no replica: every new comment will be refused (durability_unavailable) until one connects',
      );
    }
  }
}
