import type { Namespace, Socket } from 'socket.io';
import type { CommentsClientEvents, CommentsServerEvents } from '../../protocol/events.js';
import { errors } from '../../core/errors.js';
import { getSite, siteIdForKey } from '../../core/sites/site-store.js';
import { commentsSubscribeSchema } from '../../protocol/event-schemas.js';
import type { ServerDeps } from '../server-deps.js';
import { articleOf, articleRoom, readerEmitFor } from './event-dispatch.js';
import type { EventRelay } from './event-relay.js';
import { guardAgainstFlood } from './flood-guard.js';
import { withAck } from './socket-acks.js';

export interface CommentsSocketData {
  siteId: string;
  /** Articles this socket follows. */
  articles: Set<string>;
}

export type CommentsNamespace = Namespace<CommentsClientEvents, CommentsServerEvents, object, CommentsSocketData>;
type CommentsSocket = Socket<CommentsClientEvents, CommentsServerEvents, object, CommentsSocketData>;

/** A reader follows at most this many articles on one socket. */
const MAX_ARTICLES_PER_SOCKET = 20;


/**
 * /comments: readers, with the site public key in `auth.siteKey`, from one of the site's
 * origins. They receive only comments that become approved or stop being approved.
 */
export function setupCommentsNamespace(nsp: CommentsNamespace, deps: ServerDeps, relay: EventRelay): void {
  nsp.use(async (socket, next) => {
    const siteKey = (socket.handshake.auth as { siteKey?: unknown }).siteKey;
    if (typeof siteKey !== 'string' || siteKey.length > 200) return next(new Error('unauthorized'));
    try {
      const siteId = await siteIdForKey(deps, siteKey);
      const site = siteId ? await getSite(deps, siteId) : null;
      if (!site) return next(new Error('unauthorized'));
      const origin = socket.handshake.headers.origin;
      if (origin !== undefined && !site.origins.includes(origin)) return next(new Error('origin_not_allowed'));
      socket.data.siteId = site.id;
      socket.data.articles = new Set();
      next();
    } catch {
      next(new Error('unavailable'));
    }
  });

  nsp.on('connection', (socket: CommentsSocket) => {
    guardAgainstFlood(socket, () => deps.log.warn({ socket: socket.id }, 'reader socket flooding; disconnected'));
    const onError = (err: unknown) => deps.log.error({ err }, 'comments socket handler failed');
    socket.on(
      'subscribe',
      withAck(commentsSubscribeSchema, async ({ siteId, articleId, lastEventId }) => {
        if (siteId !== socket.data.siteId) throw errors.forbidden('This site key is for another site.');
        if (socket.data.articles.has(articleId)) return {};
        if (socket.data.articles.size >= MAX_ARTICLES_PER_SOCKET) {
          throw errors.validation([{ path: 'articleId', message: `at most ${MAX_ARTICLES_PER_SOCKET} articles per socket` }]);
        }
        socket.data.articles.add(articleId);
        await relay.follow({
          siteId,
          lastEventId,
          replay: (events) => {
            for (const e of events) {
              if (articleOf(e) !== articleId) continue;
              const out = readerEmitFor(e);
              if (out) (socket.emit as (n: string, p: unknown) => boolean)(out.name, out.payload);
            }
          },
          resync: () => socket.emit('resync', { siteId, articleId }),
          join: () => void socket.join(articleRoom(siteId, articleId)),
        });
        return {};
      }, onError),
    );
    socket.on('disconnect', () => {
      for (let i = 0; i < socket.data.articles.size; i++) relay.unfollow(socket.data.siteId);
    });
  });
}
