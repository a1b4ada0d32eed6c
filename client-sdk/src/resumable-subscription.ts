import type { Socket } from 'socket.io-client';

/**
 * Keeps a socket subscribed across reconnects: after every (re)connect it subscribes again
 * with the id of the last event it handled, so the server replays what was missed, in order.
 */
export interface ResumableSubscription {
  /** Id of the last event handled; pass it to a new client to resume after a page reload. */
  readonly lastEventId: string | undefined;
  /** Resolves once the first subscription is acknowledged. */
  readonly ready: Promise<void>;
  close(): void;
}

export function resumableSubscription(
  socket: Socket,
  message: () => Record<string, unknown>,
  opts: {
    lastEventId?: string | undefined;
    onError?: (err: { code: string; message: string }) => void;
    /** After every acknowledged (re)subscription. */
    onSubscribed?: () => void;
  } = {},
): ResumableSubscription & { seen(eventId: string | undefined): void } {
  let lastEventId = opts.lastEventId;
  let resolveReady!: () => void;
  let rejectReady!: (e: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  const subscribe = async () => {
    try {
      const ack = (await socket.timeout(10_000).emitWithAck('subscribe', { ...message(), ...(lastEventId ? { lastEventId } : {}) })) as {
        ok: boolean;
        error?: { code: string; message: string };
      };
      if (ack.ok) {
        resolveReady();
        opts.onSubscribed?.();
      }
      else {
        opts.onError?.(ack.error!);
        rejectReady(Object.assign(new Error(ack.error!.message), { code: ack.error!.code }));
      }
    } catch (err) {
      opts.onError?.({ code: 'timeout', message: (err as Error).message });
    }
  };
  socket.on('connect', subscribe);
  if (socket.connected) void subscribe();
  return {
    get lastEventId() {
      return lastEventId;
    },
    ready,
    seen(eventId) {
      if (eventId) lastEventId = eventId;
    },
    close() {
      socket.off('connect', subscribe);
      socket.close();
    },
  };
}
