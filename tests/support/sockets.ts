import { io, type Socket } from 'socket.io-client';

export type AnySocket = Socket;

export interface Received {
  name: string;
  payload: any;
}

/** A socket.io-client connection that records every event it receives. */
export interface RecordingSocket {
  socket: Socket;
  events: Received[];
  /** Resolves with the first recorded event (past or future) that matches. */
  waitFor(name: string, match?: (payload: any) => boolean, timeoutMs?: number): Promise<any>;
  /** Emits with an acknowledgement and resolves with the ack. */
  request(name: string, payload: unknown): Promise<any>;
  close(): void;
}

export function connect(url: string, namespace: string, auth: Record<string, unknown>, headers: Record<string, string> = {}): RecordingSocket {
  const socket = io(`${url}${namespace}`, {
    auth,
    transports: ['websocket'],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
  });
  const events: Received[] = [];
  const waiters = new Set<() => void>();
  socket.onAny((name: string, payload: unknown) => {
    events.push({ name, payload });
    for (const w of waiters) w();
  });
  return {
    socket,
    events,
    waitFor(name, match = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.find((e) => e.name === name && match(e.payload));
          if (hit) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit.payload);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${name} within ${timeoutMs} ms; got ${events.map((e) => e.name).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    request(name, payload) {
      return socket.timeout(10_000).emitWithAck(name, payload);
    },
    close() {
      socket.close();
    },
  };
}

/** Resolves when connected, rejects with the connect_error message. */
export function connected(s: RecordingSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (s.socket.connected) return resolve();
    s.socket.once('connect', () => resolve());
    s.socket.once('connect_error', (err) => reject(err));
  });
}
