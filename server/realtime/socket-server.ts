import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { createRedis } from '../../core/redis/connection.js';
import type { ServerDeps } from '../server-deps.js';
import { setupCommentsNamespace, type CommentsNamespace } from './comments-namespace.js';
import { fanOut } from './realtime-fanout.js';
import { EventRelay, RELAY_BLOCK_MS } from './event-relay.js';
import { disconnectModerator, setupModerationNamespace, type ModerationNamespace } from './moderation-namespace.js';
import { createReviewCountsNotifier } from './review-counts-notifier.js';
import { OriginAllowlist } from './origin-allowlist.js';
import { coalesceSocketWrites } from './coalesced-writes.js';

/** Largest socket message accepted; a bigger one closes the connection. */
export const MAX_SOCKET_MESSAGE_BYTES = 16 * 1024;

export interface SocketServer {
  io: Server;
  relay: EventRelay;
  close(): Promise<void>;
}

/**
 * Socket.IO on the HTTP server: /moderation and /comments, fed by the event relay. Any number
 * of server processes can run: each relays the Redis streams to its own sockets, so no
 * Socket.IO adapter or sticky session is needed for events.
 */
export async function attachSocketServer(httpServer: HttpServer, deps: ServerDeps): Promise<SocketServer> {
  const allowlist = new OriginAllowlist(deps);
  const io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    cors: { origin: (origin, cb) => cb(null, origin ?? false), credentials: false },
    allowRequest: (req, callback) => {
      allowlist.allows(req.headers.origin, req.headers.host).then(
        (ok) => callback(ok ? null : 'origin not allowed', ok),
        () => callback('unavailable', false),
      );
    },
  });
  coalesceSocketWrites(io);
  const moderation = io.of('/moderation') as ModerationNamespace;
  const comments = io.of('/comments') as CommentsNamespace;

  const counts = createReviewCountsNotifier(deps, moderation);
  const reader = createRedis(deps.config.redis, { commandTimeout: RELAY_BLOCK_MS + 5000 }, deps.log);
  await reader.connect();
  const relay = new EventRelay({
    reader,
    control: deps.redis,
    keys: deps.keys,
    log: deps.log,
    lingerMs: deps.config.REALTIME_RELAY_LINGER_MS,
    dispatch: (e) => {
      deps.metrics.observeRelayLag(e.eventId); // live events only: replays to a reconnecting client are old by design
      if (e.event.type === 'moderator.revoked') disconnectModerator(moderation, e.event.moderatorId);
      if ('comment' in e.event) counts.changed(e.siteId);
      fanOut({ moderation, comments }, e);
    },
  });
  deps.metrics.countSocketsWith(() => ({ '/moderation': moderation.sockets.size, '/comments': comments.sockets.size }));
  const stopPresence = setupModerationNamespace(moderation, deps, relay);
  setupCommentsNamespace(comments, deps, relay);
  relay.start();

  return {
    io,
    relay,
    async close() {
      stopPresence();
      await relay.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      reader.disconnect();
    },
  };
}
