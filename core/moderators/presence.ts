import type { CoreDeps } from '../deps.js';
import { appendSiteEvent } from '../events/append-event.js';

/** A presence entry not refreshed for this long is gone (its server died). */
export const PRESENCE_TTL_MS = 30_000;

export interface PresentModerator {
  id: string;
  name: string;
}

interface Entry extends PresentModerator {
  until: number;
}

/** Records one connection of a moderator (each socket has its own entry). */
export async function markPresent(deps: CoreDeps, siteId: string, connection: string, who: PresentModerator): Promise<void> {
  const entry: Entry = { ...who, until: deps.now() + PRESENCE_TTL_MS };
  await deps.redis.hset(deps.keys.presence(siteId), connection, JSON.stringify(entry));
}

export async function markAbsent(deps: CoreDeps, siteId: string, connection: string): Promise<void> {
  await deps.redis.hdel(deps.keys.presence(siteId), connection);
}

/** Moderators online on a site, one entry each however many tabs they have; drops stale entries. */
export async function listPresent(deps: CoreDeps, siteId: string): Promise<{ moderators: PresentModerator[]; pruned: number }> {
  const all = await deps.redis.hgetall(deps.keys.presence(siteId));
  const stale: string[] = [];
  const byId = new Map<string, PresentModerator>();
  for (const [connection, json] of Object.entries(all)) {
    const e = JSON.parse(json) as Entry;
    if (e.until < deps.now()) stale.push(connection);
    else byId.set(e.id, { id: e.id, name: e.name });
  }
  if (stale.length) await deps.redis.hdel(deps.keys.presence(siteId), ...stale);
  return { moderators: [...byId.values()].sort((a, b) => a.name.localeCompare(b.name)), pruned: stale.length };
}

/** Tells every server's moderators of the site who is online now. */
export async function publishPresence(deps: CoreDeps, siteId: string): Promise<PresentModerator[]> {
  const { moderators } = await listPresent(deps, siteId);
  await appendSiteEvent(deps, { type: 'moderators.presence', siteId, moderators });
  return moderators;
}
