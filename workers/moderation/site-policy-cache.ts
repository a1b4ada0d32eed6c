import type { CoreDeps } from '../../core/deps.js';
import { createSiteCache as createCache } from '../../core/sites/site-cache.js';
import type { Site } from '../../core/sites/site-store.js';

export { SITE_CACHE_MS } from '../../core/sites/site-cache.js';

/** The worker reads each site at most every 2 s (see core/sites/site-cache.ts). */
export function createSiteCache(deps: CoreDeps): (siteId: string) => Promise<Site | null> {
  const cache = createCache(deps);
  return (siteId) => cache.get(siteId);
}
