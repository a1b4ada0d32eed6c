import type { CoreDeps } from '../deps.js';
import { getSite, type Site } from './site-store.js';

/** How long a process reuses a site record: a policy, origin or key change applies within this delay. */
export const SITE_CACHE_MS = 2000;

export interface SiteCache {
  get(siteId: string): Promise<Site | null>;
  /** Drops a site this process just changed, so its own next request sees the change. */
  forget(siteId: string): void;
}

/** Saves one Redis read and one policy parse per request or comment on busy sites. */
export function createSiteCache(deps: CoreDeps, ttlMs = SITE_CACHE_MS): SiteCache {
  const cache = new Map<string, { site: Site | null; until: number }>();
  return {
    async get(siteId) {
      const hit = cache.get(siteId);
      if (hit && hit.until > deps.now()) return hit.site;
      const site = await getSite(deps, siteId);
      if (cache.size > 10_000) cache.clear();
      cache.set(siteId, { site, until: deps.now() + ttlMs });
      return site;
    },
    forget(siteId) {
      cache.delete(siteId);
    },
  };
}
