import type { Namespace, Socket } from 'socket.io';
import type { ModerationClientEvents, ModerationServerEvents } from '../../protocol/events.js';
import { requireComment } from '../../core/comments/comment-store.js';
import { errors } from '../../core/errors.js';
import { claimComment } from '../../core/moderators/claims.js';
import { markAbsent, markPresent, publishPresence } from '../../core/moderators/presence.js';
import type { ApiScope, Moderator } from '../../core/moderators/moderator-store.js';
import { assertScopeAllows } from '../auth/bearer-moderator.js';
import { getSite } from '../../core/sites/site-store.js';
import { staffSessionAlive } from '../../core/sessions/staff-session.js';
import {
  moderationClaimSchema,
  moderationDecisionSchema,
  moderationRejectSchema,
  moderationSubscribeSchema,
} from '../../protocol/event-schemas.js';
import { actorOf } from '../moderation/actor.js';
import { applyModeratorDecision, undoDecision } from '../moderation/moderation-service.js';
import type { ServerDeps } from '../server-deps.js';
import { moderationRoom, sendToModerators } from './realtime-fanout.js';
import type { EventRelay } from './event-relay.js';
import { guardAgainstFlood } from './flood-guard.js';
import { withAck } from './socket-acks.js';
import { socketAuthentication } from './socket-auth.js';

export interface ModerationSocketData {
  /** Undefined for the admin token, which may watch any site. */
  moderator: Moderator | undefined;
  sites: Set<string>;
  /** What the token allows (`admin` for the admin token); a read-only token may watch, not act. */
  scope: ApiScope;
  /** The sign-in behind the token, for a moderator signed in with OpenID Connect. */
  sessionId?: string;
}

export type ModerationNamespace = Namespace<ModerationClientEvents, ModerationServerEvents, object, ModerationSocketData>;
type ModerationSocket = Socket<ModerationClientEvents, ModerationServerEvents, object, ModerationSocketData>;

/** Presence entries are refreshed this often, well within their 30 s lifetime. */
const PRESENCE_REFRESH_MS = 10_000;

/** /moderation: a moderator token in `auth.token`; events and actions of the moderator's site. */
export function setupModerationNamespace(nsp: ModerationNamespace, deps: ServerDeps, relay: EventRelay): () => void {
  // a moderator token of any site, or the admin token (moderator undefined); each action checks its site
  nsp.use(
    socketAuthentication<ModerationSocket>(deps, 'anySiteModerator', (socket, { caller }) => {
      socket.data.moderator = caller.moderator;
      socket.data.scope = caller.scope ?? 'admin'; // no scope: the admin token
      if (caller.sessionId) socket.data.sessionId = caller.sessionId;
      socket.data.sites = new Set();
    }),
  );

  const who = (socket: ModerationSocket) => {
    const a = actorOf(socket.data.moderator);
    return { id: a.id, name: a.name ?? 'Admin' };
  };

  nsp.on('connection', (socket: ModerationSocket) => {
    guardAgainstFlood(socket, () => deps.log.warn({ socket: socket.id }, 'moderation socket flooding; disconnected'));
    const onError = (err: unknown) => deps.log.error({ err }, 'moderation socket handler failed');
    const assertSite = async (siteId: string) => {
      const own = socket.data.moderator?.siteId;
      if (own !== undefined && own !== siteId) throw errors.forbidden('This token is for another site.');
      if (own === undefined && !(await getSite(deps, siteId))) throw errors.siteNotFound();
    };
    const actor = () => actorOf(socket.data.moderator);
    const assertMayAct = async (siteId: string) => {
      await assertSite(siteId);
      assertScopeAllows(socket.data.scope, 'moderate');
    };

    socket.on(
      'subscribe',
      withAck(moderationSubscribeSchema, async ({ siteId, lastEventId }) => {
        await assertSite(siteId);
        if (socket.data.sites.has(siteId)) return {};
        socket.data.sites.add(siteId);
        await relay.follow({
          siteId,
          lastEventId,
          replay: (events) => {
            for (const e of events) sendToModerators(socket, e);
          },
          resync: () => socket.emit('resync', { siteId }),
          join: () => void socket.join(moderationRoom(siteId)),
        });
        await markPresent(deps, siteId, socket.id, who(socket));
        await publishPresence(deps, siteId);
        return {};
      }, onError),
    );

    socket.on(
      'comment.approve',
      withAck(moderationDecisionSchema, async (msg) => {
        await assertMayAct(msg.siteId);
        return { comment: await applyModeratorDecision(deps, { ...msg, action: 'approve', actor: actor() }) };
      }, onError),
    );

    socket.on(
      'comment.reject',
      withAck(moderationRejectSchema, async (msg) => {
        await assertMayAct(msg.siteId);
        return { comment: await applyModeratorDecision(deps, { ...msg, action: 'reject', actor: actor() }) };
      }, onError),
    );

    socket.on(
      'comment.claim',
      withAck(moderationClaimSchema, async (msg) => {
        await assertMayAct(msg.siteId);
        await requireComment(deps, msg.siteId, msg.commentId);
        return claimComment(deps, { ...msg, moderatorId: actor().id });
      }, onError),
    );

    socket.on(
      'comment.undo',
      withAck(moderationClaimSchema, async (msg) => {
        await assertMayAct(msg.siteId);
        return { comment: await undoDecision(deps, { ...msg, actor: actor() }) };
      }, onError),
    );

    socket.on('disconnect', () => {
      for (const siteId of socket.data.sites) {
        relay.unfollow(siteId);
        markAbsent(deps, siteId, socket.id)
          .then(() => publishPresence(deps, siteId))
          .catch((err: unknown) => deps.log.warn({ err }, 'presence update failed'));
      }
    });
  });

  // keep this server's presence entries alive; entries of a crashed server expire on their own
  const refresh = setInterval(() => {
    void (async () => {
      for (const socket of nsp.sockets.values()) {
        for (const siteId of socket.data.sites ?? []) await markPresent(deps, siteId, socket.id, who(socket));
      }
    })().catch((err: unknown) => deps.log.warn({ err }, 'presence refresh failed'));
  }, PRESENCE_REFRESH_MS);
  refresh.unref();
  // a sign-in that ended (signed out here or elsewhere, expired, refused by the provider) closes its sockets
  deps.staffSessionEnded = (sessionId) => disconnectSession(nsp, sessionId);
  const sweep = setInterval(() => {
    void closeEndedSessions(nsp, deps).catch((err: unknown) => deps.log.warn({ err }, 'session sweep failed'));
  }, SESSION_SWEEP_MS);
  sweep.unref();
  return () => {
    clearInterval(refresh);
    clearInterval(sweep);
  };
}

/** Sockets of signed-in moderators whose sign-in ended are closed within this long, on every server. */
export const SESSION_SWEEP_MS = 5_000;

function disconnectSession(nsp: ModerationNamespace, sessionId: string): void {
  for (const socket of nsp.sockets.values()) {
    if (socket.data.sessionId === sessionId) socket.disconnect(true);
  }
}

async function closeEndedSessions(nsp: ModerationNamespace, deps: ServerDeps): Promise<void> {
  const sessions = new Set<string>();
  for (const socket of nsp.sockets.values()) if (socket.data.sessionId) sessions.add(socket.data.sessionId);
  for (const sessionId of sessions) {
    if (!(await staffSessionAlive(deps, sessionId))) disconnectSession(nsp, sessionId);
  }
}

/** Disconnects every socket of a revoked moderator on this server. */
export function disconnectModerator(nsp: ModerationNamespace, moderatorId: string): void {
  for (const socket of nsp.sockets.values()) {
    if (socket.data.moderator?.id === moderatorId) socket.disconnect(true);
  }
}
