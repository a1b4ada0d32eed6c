import type { Server } from 'socket.io';

/**
 * The parts of an engine.io connection this module touches. `flush` is engine.io's own (private
 * in its types, stable since engine.io 4): every packet queued for a client ends with a call to
 * it, and `transport.socket._socket` is the `ws` WebSocket's TCP socket (websocket transport only).
 */
interface EngineConnection {
  flush(): void;
  transport?: { socket?: { _socket?: { cork(): void; uncork(): void } } };
}

/**
 * Sends everything queued for a client during one turn of the event loop as one write.
 *
 * Why: the relay hands a batch of events to Socket.IO in one go, and Socket.IO encodes each
 * broadcast once for a whole room, but engine.io then writes each packet to each socket at once:
 * one `writev` system call per event per socket, the server's largest cost in the benchmark
 * (docs/performance.md). Deferring a connection's flush to the end of the turn (setImmediate,
 * right after the I/O that queued the packets) and corking its TCP socket around it turns N
 * events into one write per socket. Order, acknowledgements and close-after-drain are engine.io's
 * own, unchanged: only the moment of the flush moves, by less than a turn.
 */
export function coalesceSocketWrites(io: Server): void {
  io.engine.on('connection', (conn: EngineConnection) => deferFlush(conn));
}

function deferFlush(conn: EngineConnection): void {
  const flushNow = conn.flush.bind(conn);
  let queued = false;
  conn.flush = () => {
    if (queued) return;
    queued = true;
    setImmediate(() => {
      queued = false;
      const tcp = conn.transport?.socket?._socket;
      tcp?.cork();
      try {
        flushNow();
      } finally {
        tcp?.uncork();
      }
    });
  };
}
