import type { CoreDeps } from '../deps.js';
import { EVENT_STREAM_MAXLEN, siteIdOf } from './site-event.js';
import type { SiteEvent } from '../../protocol/events.js';

/**
 * Appends an event that changes no record (a claim, presence, a revocation) to its site's
 * stream, so every server process relays it. Record changes append theirs in their own script.
 */
export async function appendSiteEvent(deps: CoreDeps, event: SiteEvent): Promise<string> {
  return (await deps.redis.xadd(
    deps.keys.events(siteIdOf(event)),
    'MAXLEN',
    '~',
    String(EVENT_STREAM_MAXLEN),
    '*',
    't',
    event.type,
    'd',
    JSON.stringify(event),
  )) as string;
}
