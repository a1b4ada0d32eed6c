import type { CommentEvent, SiteEvent } from '../../protocol/events.js';

export const isCommentEvent = (e: SiteEvent): e is CommentEvent => 'comment' in e;
export const siteIdOf = (e: SiteEvent): string => (isCommentEvent(e) ? e.comment.siteId : e.siteId);

/** Approximate cap of each site's stream: enough for clients offline for a while to catch up. */
export const EVENT_STREAM_MAXLEN = 10_000;

export function parseEventFields(fields: string[]): SiteEvent | null {
  for (let i = 0; i < fields.length - 1; i += 2) {
    if (fields[i] === 'd') return JSON.parse(fields[i + 1]!) as SiteEvent;
  }
  return null;
}
