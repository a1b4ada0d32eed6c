import type { Comment } from '../comments/comment.js';

/** Events appended to a site's stream; every server tails them and relays to its sockets. */
export type SiteEvent =
  | { type: 'comment.created'; comment: Comment }
  | { type: 'comment.decided'; comment: Comment; previousStatus: Comment['status'] }
  | {
      type: 'comment.moderated';
      comment: Comment;
      previousStatus: Comment['status'];
      action: string;
      moderatorId: string;
    };

export type SiteEventType = SiteEvent['type'];

/** Approximate cap of each site's stream: enough for clients offline for a while to catch up. */
export const EVENT_STREAM_MAXLEN = 10_000;

/** XADD field/value list for an event; `t` is kept apart so readers can filter without parsing. */
export const eventFields = (event: SiteEvent): string[] => ['t', event.type, 'd', JSON.stringify(event)];

export function parseEventFields(fields: string[]): SiteEvent | null {
  for (let i = 0; i < fields.length - 1; i += 2) {
    if (fields[i] === 'd') return JSON.parse(fields[i + 1]!) as SiteEvent;
  }
  return null;
}
