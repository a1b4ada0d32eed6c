import type { CoreDeps } from '../../core/deps.js';
import { getSite, type Site } from '../../core/sites/site-store.js';

/** How long a worker reuses a site record: a policy change applies within this delay. */
export const SITE_CACHE_MS = 2000;

/** Saves one Redis read per comment on busy sites; policies change rarely. */
export function createSiteCache(deps: CoreDeps): (siteId: string) => Promise<Site | null> {
  const cache = new Map<string, { site: Site | null; until: number }>();
  return async (siteId) => {
    const hit = cache.get(siteId);
    if (hit && hit.until > deps.now()) return hit.site;
    const site = await getSite(deps, siteId);
    if (cache.size > 10_000) cache.clear();
    cache.set(siteId, { site, until: deps.now() + SITE_CACHE_MS });
    return site;
  };
}
