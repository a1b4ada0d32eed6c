import type { Namespace, Socket } from 'socket.io';
import type { CommentsClientEvents, CommentsServerEvents } from '../../protocol/events.js';
import { errors } from '../../core/errors.js';
import { commentsSubscribeSchema } from '../../protocol/event-schemas.js';
import type { ServerDeps } from '../server-deps.js';
import { articleOf, articleRoom, sendToReaders } from './realtime-fanout.js';
import type { EventRelay } from './event-relay.js';
import { guardAgainstFlood } from './flood-guard.js';
import { withAck } from './socket-acks.js';
import { socketAuthentication } from './socket-auth.js';

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
  // the site key names the site, and the browser's Origin must be one of the site's
  nsp.use(
    socketAuthentication<CommentsSocket>(deps, 'site', (socket, { site }) => {
      socket.data.siteId = site!.id; // a site key always authenticates as its site
      socket.data.articles = new Set();
    }),
  );

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
            for (const e of events) if (articleOf(e) === articleId) sendToReaders(socket, e);
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
