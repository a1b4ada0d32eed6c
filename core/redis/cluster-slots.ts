import type { Cluster, Redis } from 'ioredis';

export const CLUSTER_SLOTS = 16_384;

/** True for an ioredis Cluster client (createRedis returns one, typed Redis, for a `redis-cluster://` URL). */
export function isCluster(redis: Redis | Cluster): boolean {
  return (redis as { isCluster?: boolean }).isCluster === true;
}

/** The Cluster behind a client createRedis typed as Redis, or undefined for a single Redis. */
export const asCluster = (redis: Redis | Cluster): Cluster | undefined =>
  isCluster(redis) ? (redis as unknown as Cluster) : undefined;

/**
 * The hash slot of a key, as Redis Cluster computes it: CRC16 (XMODEM) of the key, or of the
 * part inside the first non-empty `{…}`, modulo 16384. Keys of one site share `{site:ID}`.
 */
export function keySlot(key: string): number {
  const bytes = Buffer.from(key, 'utf8');
  const open = bytes.indexOf(0x7b); // {
  let start = 0;
  let end = bytes.length;
  if (open >= 0) {
    const close = bytes.indexOf(0x7d, open + 1); // }
    if (close > open + 1) {
      start = open + 1;
      end = close;
    }
  }
  let crc = 0;
  for (let i = start; i < end; i++) {
    crc ^= bytes[i]! << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc % CLUSTER_SLOTS;
}

/** `host:port` of the master serving a slot, from the client's slot map (undefined before it is loaded). */
export const masterOf = (cluster: Cluster, slot: number): string | undefined => cluster.slots[slot]?.[0];

/** The cluster client's own connection to one master, for commands that must reach that node. */
export function nodeConnection(cluster: Cluster, address: string): Redis | undefined {
  return cluster.nodes('master').find((n) => `${n.options.host}:${n.options.port}` === address);
}

/** Asks the cluster client to reload its slot map (after a MOVED answer or a failover). */
export function refreshSlots(cluster: Cluster): Promise<void> {
  return new Promise((resolve) => cluster.refreshSlotsCache(() => resolve()));
}
