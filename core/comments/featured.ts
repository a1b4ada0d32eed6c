import { AUDIT_MAXLEN, auditJson, type AuditActor } from '../audit/audit-log.js';
import type { CoreDeps } from '../deps.js';
import { errors } from '../errors.js';
import { EVENT_STREAM_MAXLEN } from '../events/site-event.js';
import type { SiteEvent } from '../../protocol/events.js';
import type { Comment } from '../../protocol/comment.js';
import { getComments, requireComment } from './comment-store.js';
import { featureScript } from './feature-script.js';

/** Most picks shown first on an article; older ones stay marked where they are. */
export const MAX_FEATURED_FIRST = 20;
// a concurrent change between our read and our script: read again
const MAX_ATTEMPTS = 3;

/**
 * A moderator makes a published comment one of the newsroom's picks ("coup de cœur de la
 * rédaction"), or takes it off them. Audited; readers of the article are told live.
 */
export async function setFeatured(
  deps: CoreDeps,
  input: { siteId: string; commentId: string; featured: boolean; actor: AuditActor },
): Promise<Comment> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await requireComment(deps, input.siteId, input.commentId);
    if (input.featured && current.status !== 'approved') throw errors.commentNotApproved();
    const now = deps.now();
    const at = new Date(now).toISOString();
    const { featuredAt: _previous, ...rest } = current;
    const next: Comment = { ...rest, ...(input.featured ? { featuredAt: current.featuredAt ?? at } : {}), version: current.version + 1 };
    const event: SiteEvent = { type: 'comment.featured', comment: next, featured: input.featured, moderatorId: input.actor.id };
    const plan = {
      id: current.id,
      featured: input.featured,
      at: next.featuredAt ?? at,
      ms: now,
      expectedVersion: String(current.version),
      event: JSON.stringify(event),
      audit: auditJson({
        at,
        actor: input.actor,
        action: input.featured ? 'comment.feature' : 'comment.unfeature',
        target: { type: 'comment', id: current.id, articleId: current.articleId },
        before: { featured: current.featuredAt !== undefined, version: current.version },
        after: { featured: input.featured, version: next.version },
      }),
      maxlen: EVENT_STREAM_MAXLEN,
      auditMaxlen: AUDIT_MAXLEN,
    };
    const [outcome] = (await featureScript.run(
      deps.redis,
      [
        deps.keys.comment(input.siteId, current.id),
        deps.keys.articleFeatured(input.siteId, current.articleId),
        deps.keys.events(input.siteId),
        deps.keys.audit(input.siteId),
      ],
      [JSON.stringify(plan)],
    )) as [string];
    if (outcome === 'ok') return next;
    if (outcome === 'missing') throw errors.commentNotFound();
    if (outcome === 'not_approved') throw errors.commentNotApproved();
  }
  throw errors.conflict(await requireComment(deps, input.siteId, input.commentId));
}

/** The article's published top-level picks, most recently picked first. */
export async function featuredRoots(deps: CoreDeps, siteId: string, articleId: string): Promise<Comment[]> {
  const ids = await deps.redis.zrevrange(deps.keys.articleFeatured(siteId, articleId), 0, MAX_FEATURED_FIRST - 1);
  return (await getComments(deps, siteId, ids)).filter((c) => c.status === 'approved' && c.parentId === null && c.articleId === articleId);
}
