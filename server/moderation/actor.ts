import type { AuditActor } from '../../core/audit/audit-log.js';
import type { Moderator } from '../../core/moderators/moderator-store.js';

/** The audit identity of a caller: a moderator, or the admin token. */
export const actorOf = (moderator: Moderator | undefined): AuditActor =>
  moderator ? { kind: 'moderator', id: moderator.id, name: moderator.name } : { kind: 'admin', id: 'admin' };
