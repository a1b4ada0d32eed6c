import type { Redis } from 'ioredis';

/**
 * WAIT for replicas, coalesced per connection. WAIT blocks its connection and covers every
 * write sent on it before, so one WAIT in flight at a time serves all the writes that finished
 * meanwhile: under load a post waits at most two replica round trips, and the connection is
 * never blocked by more than one WAIT.
 */
export function createReplicaAck(opts: { replicas: number; timeoutMs: number }): (connection: Redis) => Promise<number> {
  interface Waiter {
    resolve: (acked: number) => void;
    reject: (err: unknown) => void;
  }
  const pending = new Map<Redis, Waiter[]>();

  const drain = async (connection: Redis) => {
    for (let batch = pending.get(connection); batch && batch.length > 0; batch = pending.get(connection)) {
      pending.set(connection, []); // those who arrive now wait for the next WAIT, sent after their write
      try {
        const acked = await connection.wait(opts.replicas, opts.timeoutMs);
        for (const w of batch) w.resolve(acked);
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    pending.delete(connection);
  };

  return (connection) =>
    new Promise<number>((resolve, reject) => {
      const waiting = pending.get(connection);
      if (waiting) waiting.push({ resolve, reject });
      else {
        pending.set(connection, [{ resolve, reject }]);
        void drain(connection);
      }
    });
}
