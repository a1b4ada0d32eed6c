import { Redis, type Cluster } from 'ioredis';
import { masterOf, nodeConnection, refreshSlots } from '../../core/redis/cluster-slots.js';

/**
 * The connections of one slot's tail: a reader of its own on the master serving the slot, and
 * the shared cluster client's connection to that master for CLIENT UNBLOCK. After a failed read
 * (MOVED after resharding, a failover) it reloads the slot map and follows the slot's new master.
 */
export class SlotLink {
  private address: string | undefined;
  private client: Redis | undefined;

  constructor(
    private readonly cluster: Cluster,
    private readonly controlCluster: Cluster | undefined,
    private readonly slot: number,
  ) {}

  get reader(): Redis {
    if (!this.client) {
      const address = masterOf(this.cluster, this.slot);
      if (!address) throw new Error(`no master known for slot ${this.slot}`);
      const at = address.lastIndexOf(':');
      this.address = address;
      this.client = new Redis({
        ...this.cluster.options.redisOptions,
        host: address.slice(0, at),
        port: Number(address.slice(at + 1)),
        lazyConnect: true,
        enableOfflineQueue: true, // a lazy connection must queue its first command
      });
      this.client.on('error', () => {}); // the tail logs its failed reads
    }
    return this.client;
  }

  get control(): Redis {
    const node = this.address && this.controlCluster ? nodeConnection(this.controlCluster, this.address) : undefined;
    if (!node) throw new Error(`no control connection to ${this.address ?? 'an unknown node'}`);
    return node;
  }

  async heal(): Promise<void> {
    await refreshSlots(this.cluster);
    if (this.client && masterOf(this.cluster, this.slot) !== this.address) this.close();
  }

  close(): void {
    this.client?.disconnect();
    this.client = undefined;
  }
}
